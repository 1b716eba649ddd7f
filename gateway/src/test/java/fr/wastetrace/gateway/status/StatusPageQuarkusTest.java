package fr.wastetrace.gateway.status;

import com.sun.net.httpserver.HttpServer;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /status} against fake services: bsd-service, company-service and webhook-service answer their readiness (the
 * relays' and backing services' checks in it, as the real services write them), registry-service's address has nobody
 * listening. Redis is the stack's, Keycloak a fake realm document. Probes run every 200 ms, samples every second.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
@TestProfile(StatusPageQuarkusTest.FakeSuite.class)
class StatusPageQuarkusTest {
    static final List<String> COMPONENTS = List.of("gateway", "bsd-service", "company-service", "registry-service",
            "webhook-service", "bsd-relay", "company-relay", "registry-projection", "postgresql", "kafka", "redis", "keycloak");

    public static class FakeSuite implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wastetrace.gateway.status.enabled", "true",
                    "wastetrace.gateway.status.interval", "200ms",
                    "wastetrace.gateway.status.sample-period", "1s",
                    "wastetrace.gateway.status.redis-prefix", "{status-test-" + UUID.randomUUID() + "}");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeServices.class));
        }
    }

    /** One HTTP server playing the services' readiness endpoints and Keycloak's realm document. */
    public static class FakeServices implements QuarkusTestResourceLifecycleManager {
        private HttpServer server;

        static final String SERVICE_READY = """
                {"status":"UP","checks":[{"name":"Database connections health check","status":"UP","data":{"<default>":"UP"}},
                {"name":"kafka","status":"UP"}%s]}""";
        static final String RELAY = """
                ,{"name":"outbox-relay","status":"UP","data":{"state":"ACTIVE","slot":"secret_slot","published":3,"lagMillis":42}}""";

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            answer("/bsd/q/health/ready", SERVICE_READY.formatted(RELAY));
            answer("/company/q/health/ready", SERVICE_READY.formatted(RELAY.replace("42", "7")));
            answer("/webhook/q/health/ready", SERVICE_READY.formatted(""));
            answer("/realm", "{\"realm\":\"trackdechets\"}");
            server.start();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.of("wastetrace.gateway.subgraphs.bsd", base + "/bsd",
                    "wastetrace.gateway.subgraphs.company", base + "/company",
                    "wastetrace.gateway.subgraphs.registry", "http://127.0.0.1:" + closedPort(),
                    "wastetrace.gateway.status.webhook-service-url", base + "/webhook",
                    "wastetrace.gateway.status.keycloak-url", base + "/realm");
        }

        private void answer(String path, String json) {
            server.createContext(path, exchange -> {
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    private static JsonPath statusOnceProbed() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            JsonPath status = given().accept("application/json").get("/status").then().statusCode(200)
                    .contentType(containsString("application/json")).extract().jsonPath();
            if (!"UNKNOWN".equals(component(status, "bsd-service").get("status")) || Instant.now().isAfter(deadline)) {
                return status;
            }
            sleep(200);
        }
    }

    private static Map<String, Object> component(JsonPath status, String id) {
        return status.getMap("components.find { it.id == '" + id + "' }");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void everyComponentIsListedWithItsStateAndLag() {
        JsonPath status = statusOnceProbed();
        assertEquals(COMPONENTS, status.getList("components.id"));
        for (String up : List.of("bsd-service", "company-service", "webhook-service", "bsd-relay", "company-relay",
                "postgresql", "kafka", "redis", "keycloak")) {
            assertEquals("UP", component(status, up).get("status"), up + ": " + status.prettify());
        }
        assertEquals("DOWN", component(status, "registry-service").get("status"));
        assertEquals("DOWN", component(status, "registry-projection").get("status"), "its service does not answer");
        // No subgraph gives a schema here: the gateway answers, with its schema incomplete.
        assertEquals("DEGRADED", component(status, "gateway").get("status"));
        assertEquals(42, component(status, "bsd-relay").get("lagMillis"));
        assertEquals(7, component(status, "company-relay").get("lagMillis"));
        assertEquals("DOWN", status.getString("status"));
        assertTrue(status.getString("message").contains("Registres (registry-service)"), status.getString("message"));
    }

    @Test
    void uptimeComesFromTheRecordedSamples() {
        statusOnceProbed();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonPath status;
        do {
            sleep(500);
            status = given().accept("application/json").get("/status").then().statusCode(200).extract().jsonPath();
        } while (status.get("uptimeMeasuredSince") == null && Instant.now().isBefore(deadline));
        assertNotNull(status.get("uptimeMeasuredSince"), status.prettify());
        // Samples accumulate over a few periods: the available components stay at (or near) 100 %, the others at 0.
        sleep(3000);
        status = given().accept("application/json").get("/status").then().statusCode(200).extract().jsonPath();
        float bsd = ((Number) component(status, "bsd-service").get("uptime24h")).floatValue();
        assertTrue(bsd > 50, "bsd-service answered every probe: " + status.prettify());
        assertEquals(0.0f, ((Number) component(status, "registry-service").get("uptime24h")).floatValue());
        assertEquals(0.0f, ((Number) component(status, "registry-projection").get("uptime90d")).floatValue());
        assertTrue(((Number) component(status, "keycloak").get("uptime90d")).floatValue() > 50);
    }

    @Test
    void browsersGetAPageAndNothingPrivateIsShown() {
        statusOnceProbed();
        String page = given().accept("text/html").get("/status").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("État des services"))
                .body(containsString("Registres (registry-service)")).body(containsString("indisponible"))
                .body(containsString("42 ms"))
                .extract().asString();
        for (String id : COMPONENTS) {
            assertTrue(page.contains("data-component=\"" + id + "\""), id);
        }
        String json = given().accept("application/json").get("/status").then().extract().asString();
        for (String body : List.of(page, json)) {
            assertFalse(body.contains("127.0.0.1"), "no address");
            assertFalse(body.contains("secret_slot"), "nothing of the services' own check data but state and lag");
            assertFalse(body.contains("Connection refused"), "no error message");
        }
        // No login needed, and an invalid token changes nothing.
        given().header("Authorization", "Bearer nope").get("/status").then().statusCode(200)
                .body(not(containsString("UNAUTHENTICATED")));
    }
}
