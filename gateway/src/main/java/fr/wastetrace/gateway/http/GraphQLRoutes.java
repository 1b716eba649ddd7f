package fr.wastetrace.gateway.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.gateway.config.GatewayConfig;
import fr.wastetrace.gateway.federation.FederatedExecutor;
import fr.wastetrace.gateway.federation.GraphQLErrors;
import fr.wastetrace.gateway.federation.SchemaRegistry;
import fr.wastetrace.gateway.identity.IdentityResolver;
import fr.wastetrace.gateway.identity.RequestIdentity;
import fr.wastetrace.gateway.ratelimit.RateLimitFilter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The public endpoint: GraphQL at {@code /} (as the reference API) and {@code /graphql}, by POST (one operation or a
 * batch array) or GET (queries only); a GraphQL UI for browsers; the composed schema at {@code /schema.graphql}.
 */
@ApplicationScoped
public class GraphQLRoutes {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final long MAX_BODY_BYTES = 21L * 1024 * 1024;

    @Inject
    FederatedExecutor executor;
    @Inject
    SchemaRegistry registry;
    @Inject
    IdentityResolver identities;
    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper mapper;

    private String uiPage;

    void register(@Observes Router router) {
        uiPage = resource("/graphql-ui.html");
        for (String path : List.of("/", "/graphql")) {
            router.post(path).handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES).setHandleFileUploads(false));
            router.post(path).blockingHandler(this::post, false);
            router.get(path).blockingHandler(this::get, false);
        }
        router.get("/schema.graphql").handler(this::schema);
    }

    private void post(RoutingContext ctx) {
        JsonNode body;
        try {
            body = mapper.readTree(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !(body.isObject() || body.isArray())) {
            reply(ctx, 400, GraphQLErrors.response("Le corps de la requête doit être un objet JSON "
                    + "{\"query\": ..., \"variables\": ...} (ou un tableau de tels objets).", GraphQLErrors.BAD_USER_INPUT),
                    anonymous(ctx));
            return;
        }
        RequestIdentity identity = identity(ctx);
        if (body.isArray()) {
            if (body.size() > config.limits().maxOperations()) {
                reply(ctx, 400, GraphQLErrors.response("Une requête groupée ne peut contenir plus de "
                        + config.limits().maxOperations() + " opérations.", GraphQLErrors.MAX_OPERATIONS),
                        identity.errorContext());
                return;
            }
            List<FederatedExecutor.Request> requests = new ArrayList<>();
            body.forEach(item -> requests.add(toRequest(item)));
            // The limit holds for the whole request: the documents of a batch add up.
            int operations = requests.stream().mapToInt(executor::operationCount).sum();
            if (operations > config.limits().maxOperations()) {
                reply(ctx, 400, executor.tooManyOperations(operations), identity.errorContext());
                return;
            }
            List<Object> results = new ArrayList<>();
            for (FederatedExecutor.Request request : requests) {
                results.add(run(request, identity, ctx).body());
            }
            writeJson(ctx, 200, results);
            return;
        }
        FederatedExecutor.Outcome outcome = run(toRequest(body), identity, ctx);
        writeJson(ctx, outcome.status(), outcome.body());
    }

    /** Runs one operation; its answer's errors are rendered ({@link GraphQLErrors#render}) in the request's context. */
    private FederatedExecutor.Outcome run(FederatedExecutor.Request request, RequestIdentity identity, RoutingContext ctx) {
        identity.running(request.operationName());
        FederatedExecutor.Outcome outcome = executor.execute(request, identity, clientIp(ctx));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) GraphQLErrors.render(outcome.body(), identity.errorContext());
        return new FederatedExecutor.Outcome(outcome.status(), body);
    }

    private RequestIdentity identity(RoutingContext ctx) {
        return identities.forRequest(ctx.request().getHeader(HttpHeaders.AUTHORIZATION), clientIp(ctx))
                .speaking(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The context of an error answered before the caller is known. */
    static GraphQLErrors.Context anonymous(RoutingContext ctx) {
        return GraphQLErrors.Context.anonymous(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private void get(RoutingContext ctx) {
        String query = ctx.request().getParam("query");
        if (query == null) {
            String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
            if (accept != null && accept.contains("text/html")) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(uiPage);
            } else {
                reply(ctx, 400, GraphQLErrors.response("Envoyez une requête GraphQL par POST, ou par GET avec le paramètre "
                        + "« query ».", GraphQLErrors.BAD_USER_INPUT), anonymous(ctx));
            }
            return;
        }
        Map<String, Object> variables = Map.of();
        String rawVariables = ctx.request().getParam("variables");
        if (rawVariables != null && !rawVariables.isBlank()) {
            try {
                variables = mapper.readValue(rawVariables, MAP);
            } catch (IOException e) {
                reply(ctx, 400, GraphQLErrors.response("Le paramètre « variables » doit être un objet JSON.",
                        GraphQLErrors.BAD_USER_INPUT), anonymous(ctx));
                return;
            }
        }
        FederatedExecutor.Outcome outcome = run(
                new FederatedExecutor.Request(query, ctx.request().getParam("operationName"), variables, true), identity(ctx), ctx);
        writeJson(ctx, outcome.status(), outcome.body());
    }

    private void schema(RoutingContext ctx) {
        registry.current().ifPresentOrElse(
                schema -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(schema.sdl()),
                () -> ctx.response().setStatusCode(503).end("schema not composed yet"));
    }

    private FederatedExecutor.Request toRequest(JsonNode item) {
        Map<String, Object> variables = item.path("variables").isObject() ? mapper.convertValue(item.get("variables"), MAP) : Map.of();
        return new FederatedExecutor.Request(item.path("query").asText(null),
                item.path("operationName").isTextual() ? item.get("operationName").asText() : null, variables, false);
    }

    static String clientIp(RoutingContext ctx) {
        String resolved = ctx.get(RateLimitFilter.CLIENT_IP);
        if (resolved != null) {
            return resolved;
        }
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }

    private void reply(RoutingContext ctx, int status, Object body, GraphQLErrors.Context context) {
        writeJson(ctx, status, GraphQLErrors.render(body, context));
    }

    private void writeJson(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                    .end(Buffer.buffer(mapper.writeValueAsBytes(body)));
        } catch (IOException e) {
            ctx.fail(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = GraphQLRoutes.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource " + path, e);
        }
    }
}
