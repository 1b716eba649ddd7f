package fr.wastetrace.gateway.federation;

import fr.wastetrace.identity.ErrorMessages;
import io.opentelemetry.api.trace.Span;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The error objects the gateway writes itself, in the GraphQL response format, and the one step every answer of the
 * gateway goes through before it is written ({@link #render}): each error the gateway produced gets its
 * {@code extensions.errorId}, its message in the client's language and a log line quoting the id with the request's
 * context; an error a subgraph produced keeps the subgraph's id (the subgraph logged it, in the language the gateway
 * forwarded).
 */
public final class GraphQLErrors {
    private static final Logger LOG = Logger.getLogger(GraphQLErrors.class);
    public static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    public static final String VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    public static final String MAX_OPERATIONS = "GRAPHQL_MAX_OPERATIONS_ERROR";
    public static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    public static final String INTERNAL = "INTERNAL_SERVER_ERROR";
    public static final String ERROR_ID = "errorId";
    /** The codes of the contract's error model (spec bsdd.md §9.4): the only ones a client ever sees. */
    public static final Set<String> CONTRACT_CODES = Set.of("UNAUTHENTICATED", "FORBIDDEN",
            BAD_USER_INPUT, "TOO_MANY_REQUESTS", PARSE_FAILED, VALIDATION_FAILED, MAX_OPERATIONS,
            "EXTERNAL_SERVICE_ERROR", INTERNAL);

    /**
     * What the log line of an error says of its request: the negotiated language ({@code fr}, {@code en}), the
     * operation name, the caller's subject ({@code anonymous} when none).
     */
    public record Context(String language, String operation, String caller) {
        /** The context of an error answered before the caller is known. */
        public static Context anonymous(String acceptLanguage) {
            return new Context(ErrorMessages.negotiate(acceptLanguage), null, "anonymous");
        }
    }

    private GraphQLErrors() {
    }

    public static Map<String, Object> error(String message, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code));
        return error;
    }

    public static Map<String, Object> response(String message, String code) {
        return Map.of("errors", List.of(error(message, code)));
    }

    /**
     * The answer as the client gets it: a response object, or the array of a batch, with each error rendered (see the
     * class). Returns a copy; {@code body} is left as it is.
     */
    @SuppressWarnings("unchecked")
    public static Object render(Object body, Context context) {
        if (body instanceof List<?> batch) {
            return batch.stream().map(item -> render(item, context)).toList();
        }
        if (!(body instanceof Map<?, ?> map) || !(map.get("errors") instanceof List<?> errors)) {
            return body;
        }
        Map<String, Object> rendered = new LinkedHashMap<>((Map<String, Object>) map);
        rendered.put("errors", renderErrors((List<Object>) errors, context));
        return rendered;
    }

    /** Errors, each rendered (see the class). */
    @SuppressWarnings("unchecked")
    public static List<Object> renderErrors(List<?> errors, Context context) {
        return errors.stream().map(error -> error instanceof Map<?, ?> map
                ? (Object) renderError((Map<String, Object>) map, context) : error).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> renderError(Map<String, Object> error, Context context) {
        Map<String, Object> extensions = error.get("extensions") instanceof Map<?, ?> map
                ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
        if (extensions.get(ERROR_ID) != null) {
            return error; // a subgraph's: it logged it under this id, in the client's language
        }
        String id = ErrorMessages.newErrorId();
        extensions.put(ERROR_ID, id);
        String message = String.valueOf(error.get("message"));
        String code = String.valueOf(extensions.getOrDefault("code", INTERNAL));
        log(id, code, message, error.get("path"), context);
        Map<String, Object> rendered = new LinkedHashMap<>(error);
        rendered.put("message", ErrorMessages.english().in(context.language(), message));
        rendered.put("extensions", extensions);
        return rendered;
    }

    private static void log(String id, String code, String message, Object path, Context context) {
        MDC.put(ERROR_ID, id);
        try {
            String trace = Span.current().getSpanContext().isValid() ? Span.current().getSpanContext().getTraceId() : "-";
            String line = ErrorMessages.logLine(id, code, context.operation(), context.caller(), trace, path, message);
            if (INTERNAL.equals(code)) {
                LOG.error(line);
            } else {
                LOG.info(line);
            }
        } finally {
            MDC.remove(ERROR_ID);
        }
    }
}
