package fr.wastetrace.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** Builds GraphQL request bodies. */
public final class Gql {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Gql() {
    }

    public static String body(String query) {
        return body(query, Map.of());
    }

    public static String body(String query, Map<String, ?> variables) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", query);
        body.set("variables", JSON.valueToTree(variables));
        return body.toString();
    }
}
