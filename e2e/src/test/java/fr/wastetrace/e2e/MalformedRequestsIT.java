package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.wastetrace.testing.KeycloakTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's answers to malformed requests, on the whole suite: the table {@code malformed-requests.yaml} (variables,
 * literals, scalars, enums, lists, nulls, unknown fields, fragments, aliases, directives, syntax, depth, operations,
 * batching), each case one POST with the status, code and French message it must get back. Mistakes in a request
 * are the client's: never {@code INTERNAL_SERVER_ERROR}, only the contract's codes, never graphql-java's English.
 */
class MalformedRequestsIT {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CONTRACT_CODES = Set.of("UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT",
            "TOO_MANY_REQUESTS", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_MAX_OPERATIONS_ERROR",
            "EXTERNAL_SERVICE_ERROR");
    private static final Map<String, String[]> ACCOUNTS = Map.of(
            "producteur", new String[] {"producteur@wastetrace.local", "Demo-Producteur-1"});
    /** Words of graphql-java's or SmallRye's own messages, or of the server error's: none belongs in these answers. */
    private static final List<String> LEAKS = List.of("Validation error", "Invalid syntax", "Variable '", "Exception",
            "Expected", "SRGQL", "Erreur serveur");

    @TestFactory
    List<DynamicTest> malformedRequests() throws IOException {
        JsonNode cases;
        try (InputStream table = MalformedRequestsIT.class.getResourceAsStream("/malformed-requests.yaml")) {
            cases = YAML.readTree(table);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : cases) {
            tests.add(DynamicTest.dynamicTest(testCase.path("case").asText(), () -> check(testCase)));
        }
        return tests;
    }

    private static void check(JsonNode testCase) throws IOException {
        RequestSpecification request = testCase.hasNonNull("as") ? Suite.gateway(token(testCase.get("as").asText())) : Suite.gateway();
        Object body;
        if (testCase.has("batch")) {
            ArrayNode batch = JSON.createArrayNode();
            testCase.get("batch").forEach(item -> batch.add(request(item)));
            body = batch.toString();
        } else {
            body = request(testCase).toString();
        }
        Response response = request.body(body).post("/");
        String label = testCase.path("case").asText() + ": " + response.asString();
        assertEquals(testCase.path("status").asInt(), response.statusCode(), label);

        JsonNode answer = JSON.readTree(response.asString());
        List<JsonNode> errors = new ArrayList<>();
        JsonNode firstErrors = null;
        for (JsonNode item : answer.isArray() ? answer : JSON.createArrayNode().add(answer)) {
            item.path("errors").forEach(errors::add);
            if (firstErrors == null && item.path("errors").size() > 0) {
                firstErrors = item.get("errors");
            }
        }
        for (JsonNode error : errors) {
            String code = error.path("extensions").path("code").asText();
            assertTrue(CONTRACT_CODES.contains(code), "a client's mistake answered " + code + " — " + label);
            String message = error.path("message").asText();
            LEAKS.forEach(word -> assertFalse(message.contains(word), "« " + word + " » in " + label));
        }
        String expected = testCase.path("code").asText();
        if (expected.equals("none")) {
            assertTrue(errors.isEmpty(), label);
            return;
        }
        assertNotNull(firstErrors, label);
        assertEquals(expected, firstErrors.get(0).path("extensions").path("code").asText(), label);
        if (testCase.has("message")) {
            assertTrue(firstErrors.get(0).path("message").asText().contains(testCase.get("message").asText()), label);
        }
    }

    private static ObjectNode request(JsonNode item) {
        ObjectNode request = JSON.createObjectNode();
        for (String field : List.of("query", "variables", "operationName")) {
            if (item.has(field)) {
                request.set(field, item.get(field));
            }
        }
        return request;
    }

    private static String token(String account) {
        String[] credentials = ACCOUNTS.get(account);
        assertNotNull(credentials, "unknown account " + account);
        return KeycloakTokens.passwordGrant(credentials[0], credentials[1]);
    }
}
