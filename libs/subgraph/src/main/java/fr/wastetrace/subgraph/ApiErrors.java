package fr.wastetrace.subgraph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.ErrorMessages;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.api.ErrorCode;
import io.smallrye.graphql.execution.error.ErrorCodeExtensionProvider;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where a subgraph renders its errors, for every error of every answer: those of its resolvers
 * ({@link ApiException} and unexpected failures), graphql-java's own (validation, coercion), and the refusals of its
 * HTTP filters ({@link GatewayOnlyFilter}, {@link NulCharacterFilter}). Each error gets an {@code extensions.errorId},
 * its message in the request's language ({@link ErrorMessages}: French unless the caller prefers English), and one log
 * line that quotes the id with the request's context (operation, caller, trace, code, message, path): support finds
 * the line from the id a client quotes.
 */
public final class ApiErrors {
    static final Logger LOG = Logger.getLogger(ApiErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String ERROR_ID = "errorId";
    private static final String INTERNAL = "INTERNAL_SERVER_ERROR";
    private static final ErrorCodeExtensionProvider CODES = new ErrorCodeExtensionProvider();

    /** What the log line says of the request an error answers. */
    record RequestContext(String language, String operation, String caller) {
        static RequestContext of(RoutingContext ctx, String fallbackOperation) {
            if (ctx == null) {
                return new RequestContext(ErrorMessages.FRENCH, fallbackOperation, "unknown");
            }
            CallerIdentity identity = ctx.get(GatewayOnlyFilter.IDENTITY_KEY);
            String operation = ctx.request().getHeader(ErrorMessages.OPERATION_HEADER);
            return new RequestContext(ErrorMessages.negotiate(ctx.request().getHeader(ErrorMessages.LANGUAGE_HEADER)),
                    operation != null && !operation.isBlank() ? operation : fallbackOperation,
                    identity == null || !identity.isAuthenticated() ? "anonymous" : identity.subject());
        }
    }

    private ApiErrors() {
    }

    /** Every error of a GraphQL answer, rendered: the same result with its errors rebuilt. */
    static ExecutionResult render(ExecutionResult result, String operationName) {
        if (result.getErrors() == null || result.getErrors().isEmpty()) {
            return result;
        }
        RequestContext context = RequestContext.of(currentRequest(), operationName);
        List<GraphQLError> rendered = new ArrayList<>(result.getErrors().size());
        for (GraphQLError error : result.getErrors()) {
            rendered.add(render(error, context));
        }
        return result.transform(builder -> builder.errors(rendered));
    }

    private static GraphQLError render(GraphQLError error, RequestContext context) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        Throwable failure = error instanceof ExceptionWhileDataFetching fetching ? fetching.getException() : null;
        if (failure != null) {
            extensions.put("code", code(failure));
        }
        String code = String.valueOf(extensions.getOrDefault("code", "GRAPHQL_VALIDATION_FAILED"));
        String id = ErrorMessages.newErrorId();
        extensions.put(ERROR_ID, id);
        log(id, code, error.getMessage(), error.getPath(), context, failure);
        return new Rendered(ErrorMessages.english().in(context.language(), error.getMessage()), error.getLocations(),
                error.getPath(), extensions);
    }

    /**
     * An error as the client gets it. Its classification stays out of its JSON ({@link #toSpecification}), as SmallRye
     * left it out of the errors it wrote itself: the contract's {@code extensions} hold the code and the error id only.
     */
    record Rendered(String message, List<SourceLocation> locations, List<Object> path, Map<String, Object> extensions)
            implements GraphQLError {
        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public List<SourceLocation> getLocations() {
            return locations;
        }

        @Override
        public ErrorClassification getErrorType() {
            return ErrorType.DataFetchingException;
        }

        @Override
        public Map<String, Object> toSpecification() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("message", message);
            if (locations != null && !locations.isEmpty()) {
                json.put("locations", locations.stream().map(l -> Map.of("line", l.getLine(), "column", l.getColumn())).toList());
            }
            if (path != null) {
                json.put("path", path);
            }
            json.put("extensions", extensions);
            return json;
        }

        @Override
        public List<Object> getPath() {
            return path;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return extensions;
        }
    }

    /**
     * The code of an exception, as SmallRye writes it once the error is no longer tied to its exception: its
     * {@link ErrorCode}, else the kebab-cased class name (outside the contract: the gateway answers the server's error).
     */
    static String code(Throwable failure) {
        JsonValue code = CODES.mapValueFrom(failure);
        return code instanceof JsonString text ? text.getString() : String.valueOf(code);
    }

    /**
     * The body of an HTTP refusal written outside GraphQL execution (a filter): {@code {"data": null, "errors": [...]}}
     * with one error, rendered and logged like the others.
     */
    static String refusal(RoutingContext ctx, String frenchMessage, String code) {
        RequestContext context = RequestContext.of(ctx, null);
        String id = ErrorMessages.newErrorId();
        log(id, code, frenchMessage, null, context, null);
        ObjectNode answer = JSON.createObjectNode();
        answer.putNull("data");
        ObjectNode error = answer.putArray("errors").addObject();
        error.put("message", ErrorMessages.english().in(context.language(), frenchMessage));
        ObjectNode extensions = error.putObject("extensions");
        extensions.put("code", code);
        extensions.put(ERROR_ID, id);
        return answer.toString();
    }

    /** An error reported inside an answer's data: its code, its id and its message in the request's language. */
    public record ItemError(String code, String errorId, String message) {
    }

    /** {@link #item(String, String, List, Throwable)} for a refusal of the API: its own code and message. */
    public static ItemError item(ApiException refusal, List<Object> path) {
        return item(code(refusal), refusal.getMessage(), path, null);
    }

    /**
     * An error a mutation reports for one item of a list it processed (the rest of the list done): it gets an error id,
     * is logged with the request's context like any error, and its message is in the request's language.
     */
    public static ItemError item(String code, String frenchMessage, List<Object> path, Throwable failure) {
        RequestContext context = RequestContext.of(currentRequest(), null);
        String id = ErrorMessages.newErrorId();
        log(id, code, frenchMessage, path, context, failure);
        return new ItemError(code, id, ErrorMessages.english().in(context.language(), frenchMessage));
    }

    private static void log(String id, String code, String message, List<Object> path, RequestContext context,
                            Throwable failure) {
        MDC.put(ERROR_ID, id);
        try {
            Object trace = MDC.get("traceId");
            String line = ErrorMessages.logLine(id, code, context.operation(), context.caller(),
                    trace == null ? null : trace.toString(), path, message);
            if (failure != null && !(failure instanceof ApiException) || INTERNAL.equals(code)) {
                LOG.error(line); // an unexpected failure: SmallRye logged its stack (SRGQL012000) just before
            } else {
                LOG.info(line);
            }
        } finally {
            MDC.remove(ERROR_ID);
        }
    }

    private static RoutingContext currentRequest() {
        try {
            if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
                return null;
            }
            InstanceHandle<CurrentVertxRequest> handle = Arc.container().instance(CurrentVertxRequest.class);
            return handle.isAvailable() ? handle.get().getCurrent() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
