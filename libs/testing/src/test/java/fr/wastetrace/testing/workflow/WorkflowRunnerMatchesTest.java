package fr.wastetrace.testing.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a workflow step's expected value is held against the answer. */
class WorkflowRunnerMatchesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean matches(String expected, String actual) throws Exception {
        JsonNode a = actual == null ? null : JSON.readTree(actual);
        return WorkflowRunner.matches(JSON.readTree(expected), a);
    }

    @Test
    void numbersMatchByValueAtAnyDepth() throws Exception {
        assertTrue(matches("1", "1.0"));
        assertTrue(matches("{\"quantity\": 1, \"code\": \"13 05 06*\"}", "{\"code\": \"13 05 06*\", \"quantity\": 1.0}"));
        assertTrue(matches("[{\"type\": \"FUT\", \"quantity\": 2}]", "[{\"type\": \"FUT\", \"quantity\": 2.0}]"));
        assertFalse(matches("{\"quantity\": 1}", "{\"quantity\": 1.5}"));
    }

    @Test
    void objectsAndListsMustHaveTheSameMembers() throws Exception {
        assertFalse(matches("{\"a\": 1}", "{\"a\": 1, \"b\": 2}"));
        assertFalse(matches("{\"a\": 1, \"b\": 2}", "{\"a\": 1}"));
        assertFalse(matches("{\"a\": 1, \"b\": null}", "{\"a\": 1, \"c\": null}"));
        assertTrue(matches("{\"a\": 1, \"b\": null}", "{\"a\": 1, \"b\": null}"));
        assertFalse(matches("[1, 2]", "[1, 2, 3]"));
        assertFalse(matches("[1, 2]", "[2, 1]"));
        assertTrue(matches("[]", "[]"));
        assertFalse(matches("[]", "{}"));
    }

    @Test
    void patternsAndPresenceApplyInsideObjects() throws Exception {
        assertTrue(matches("{\"id\": \"*\", \"message\": \"~verrouill\"}",
                "{\"id\": \"x1\", \"message\": \"Des champs ont été verrouillés\"}"));
        assertFalse(matches("{\"id\": \"*\"}", "{\"id\": null}"));
        assertTrue(matches("\"!~secret\"", "{\"a\": \"public\"}"));
        assertFalse(matches("\"!~secret\"", "{\"a\": \"secret\"}"));
        assertTrue(matches("null", null));
        assertFalse(matches("\"x\"", null));
    }
}
