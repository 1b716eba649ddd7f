package fr.wastetrace.gateway.federation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The error objects the gateway writes itself, in the GraphQL response format. */
public final class GraphQLErrors {
    public static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    public static final String VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    public static final String MAX_OPERATIONS = "GRAPHQL_MAX_OPERATIONS_ERROR";
    public static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    public static final String INTERNAL = "INTERNAL_SERVER_ERROR";
    /** The codes of the contract's error model (spec bsdd.md §9.4): the only ones a client ever sees. */
    public static final Set<String> CONTRACT_CODES = Set.of("UNAUTHENTICATED", "FORBIDDEN",
            BAD_USER_INPUT, "TOO_MANY_REQUESTS", PARSE_FAILED, VALIDATION_FAILED, MAX_OPERATIONS,
            "EXTERNAL_SERVICE_ERROR", INTERNAL);

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
}
