package fr.wastetrace.e2e;

import fr.wastetrace.testing.Stack;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public status page on the real suite: every component listed and up, then registry-service stopped and seen
 * down (with the projection it runs), then started again (the stack is left as it was found).
 */
class StatusPageIT {
    static final List<String> COMPONENTS = List.of("gateway", "bsd-service", "company-service", "registry-service",
            "webhook-service", "bsd-relay", "company-relay", "registry-projection", "postgresql", "kafka", "redis", "keycloak");
    /** Probes run every 15 s by default: a change shows within one round, plus the probe's own timeout. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static JsonPath status() {
        return RestAssured.given().baseUri(Suite.env().get("GATEWAY_URL")).accept("application/json").get("/status")
                .then().statusCode(200).contentType(containsString("application/json")).extract().jsonPath();
    }

    private static String state(JsonPath status, String id) {
        return status.getString("components.find { it.id == '" + id + "' }.status");
    }

    private static JsonPath awaitStatus(String what, Predicate<JsonPath> condition) {
        JsonPath status = status(); // starts the stack first if needed
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.test(status)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("/status never showed " + what + " within " + PATIENCE + ":\n" + status.prettify());
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            status = status();
        }
        return status;
    }

    private static boolean allUp(JsonPath status) {
        return COMPONENTS.stream().allMatch(id -> "UP".equals(state(status, id)));
    }

    @Test
    void everyComponentIsListedUpThenAStoppedSubgraphIsShownDown() {
        JsonPath status = awaitStatus("every component up", StatusPageIT::allUp);
        assertEquals(COMPONENTS, status.getList("components.id"));
        assertEquals("UP", status.getString("status"));
        for (String id : COMPONENTS) {
            Map<String, Object> component = status.getMap("components.find { it.id == '" + id + "' }");
            assertTrue(component.containsKey("uptime24h") && component.containsKey("uptime90d"), id + ": " + component);
        }
        String page = RestAssured.given().baseUri(Suite.env().get("GATEWAY_URL")).accept("text/html").get("/status")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        COMPONENTS.forEach(id -> assertTrue(page.contains("data-component=\"" + id + "\""), id));
        assertFalse(page.contains("127.0.0.1"), "no address on the public page");

        try {
            Stack.stopService("registry-service");
            JsonPath down = awaitStatus("registry-service down", s -> "DOWN".equals(state(s, "registry-service")));
            assertEquals("DOWN", state(down, "registry-projection"), "its projection stops with it");
            assertEquals("UP", state(down, "bsd-service"), "the other subgraphs stay up");
            assertEquals("DOWN", down.getString("status"));
            assertTrue(down.getString("message").contains("registry-service"), down.getString("message"));
        } finally {
            Stack.ensureFull();
        }
        awaitStatus("every component up again", StatusPageIT::allUp);
    }
}
