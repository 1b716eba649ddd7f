package fr.wastetrace.subgraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses, in every subgraph, a GraphQL request holding the character U+0000 in a variable or a string literal, as the
 * gateway does: {@code BAD_USER_INPUT} with a French message naming each field, never a PostgreSQL error or a 500. The
 * gateway already refuses them; this is for a subgraph called directly (with a gateway-signed identity all the same).
 * It reads the JSON body of {@code POST /graphql} (and the parameters of {@code GET /graphql}) after the identity check;
 * a body that cannot hold the character (no {@code \u0000} escape) is passed on without being parsed.
 */
@ApplicationScoped
public class NulCharacterFilter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long bodyLimit;

    public NulCharacterFilter(SubgraphConfig config) {
        this.bodyLimit = config.requestBodyLimit().asLongValue();
    }

    void registerOn(@Observes Router router) {
        // After GatewayOnlyFilter (Integer.MIN_VALUE): only callers with a valid identity get this far.
        router.post("/graphql").consumes("application/json").order(Integer.MIN_VALUE + 1)
                .handler(BodyHandler.create(false).setBodyLimit(bodyLimit));
        router.post("/graphql").consumes("application/json").order(Integer.MIN_VALUE + 2).handler(this::checkBody);
        router.get("/graphql").order(Integer.MIN_VALUE + 2).handler(this::checkParameters);
    }

    void checkBody(RoutingContext ctx) {
        String body = ctx.body() == null ? null : ctx.body().asString();
        if (body == null || (!body.contains("\\u0000") && body.indexOf('\u0000') < 0)) {
            ctx.next();
            return;
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (Exception notJson) {
            ctx.next(); // the GraphQL endpoint answers a body it cannot read
            return;
        }
        List<String> paths = new ArrayList<>();
        if (request.isArray()) {
            request.forEach(one -> paths.addAll(NulCharacters.find(one)));
        } else {
            paths.addAll(NulCharacters.find(request));
        }
        refuseOrPass(ctx, paths);
    }

    void checkParameters(RoutingContext ctx) {
        if (ctx.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
            ctx.next();
            return;
        }
        String query = ctx.request().getParam("query");
        String variables = ctx.request().getParam("variables");
        if ((query == null || !query.contains("\\u0000") && query.indexOf('\u0000') < 0)
                && (variables == null || !variables.contains("\\u0000") && variables.indexOf('\u0000') < 0)) {
            ctx.next();
            return;
        }
        ObjectNode request = JSON.createObjectNode();
        if (query != null) {
            request.put("query", query);
        }
        if (variables != null) {
            try {
                request.set("variables", JSON.readTree(variables));
            } catch (Exception notJson) {
                ctx.next();
                return;
            }
        }
        refuseOrPass(ctx, NulCharacters.find(request));
    }

    private static void refuseOrPass(RoutingContext ctx, List<String> paths) {
        if (paths.isEmpty()) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                .end(ApiErrors.refusal(ctx, NulCharacters.message(paths), "BAD_USER_INPUT"));
    }
}
