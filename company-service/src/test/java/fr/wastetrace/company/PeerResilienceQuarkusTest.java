package fr.wastetrace.company;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.wastetrace.company.keycloak.KeycloakAdmin;
import fr.wastetrace.company.webhook.DeliveryService;
import fr.wastetrace.subgraph.ApiException;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.PeerStubs;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.wastetrace.company.Api.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * company-service's calls to Keycloak's admin API and to webhook-service when they fail: both are stubbed by a real
 * local HTTP server. Look-ups are retried, creations and pings sent once, Keycloak's breaker opens after repeated
 * failures (calls stop reaching it), and the API user gets the gateway's French message for an unavailable service.
 * The breaker test runs last: its breaker stays open.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
@TestProfile(PeerResilienceQuarkusTest.StubPeers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerResilienceQuarkusTest {
    private static final String KEYCLOAK_USERS = "/admin/realms/trackdechets/users";
    private static final String WEBHOOK_SETTING = "/webhook/internal/webhook-settings/setting-1";

    /** Calls per "METHOD path" (the token request excluded); the next failures, or failing until told otherwise. */
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    static final AtomicInteger FAILURES_TO_COME = new AtomicInteger();
    static final AtomicBoolean FAILING = new AtomicBoolean();

    public static class StubPeers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            for (String peer : List.of("keycloak-calls", "webhook-service-calls")) {
                config.putAll(PeerStubs.testPolicy("wastetrace.company." + peer + ".", "5s"));
            }
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubServer.class));
        }
    }

    /** Keycloak (its token endpoint and the users of the realm) and webhook-service's internal endpoints. */
    public static class StubServer implements QuarkusTestResourceLifecycleManager {
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            server = PeerStubs.start(routes -> {
                routes.createContext("/realms/trackdechets/protocol/openid-connect/token", exchange -> send(exchange, 200,
                        "{\"access_token\":\"stub-token\",\"expires_in\":300,\"refresh_expires_in\":0,"
                                + "\"token_type\":\"Bearer\"}"));
                routes.createContext(KEYCLOAK_USERS, exchange -> answer(exchange, () -> {
                    if ("POST".equals(exchange.getRequestMethod())) {
                        exchange.getResponseHeaders().add("Location", "http://stub" + KEYCLOAK_USERS + "/new-subject");
                        send(exchange, 201, "");
                    } else {
                        send(exchange, 200, "[]");
                    }
                }));
                routes.createContext(WEBHOOK_SETTING, exchange -> answer(exchange, () -> send(exchange, 200, "[]")));
            });
            String base = PeerStubs.url(server);
            return Map.of("wastetrace.keycloak.url", base,
                    "quarkus.keycloak.admin-client.server-url", base,
                    "wastetrace.webhook.delivery-service-url", base + "/webhook");
        }

        interface Answer {
            void send() throws IOException;
        }

        private static void answer(HttpExchange exchange, Answer success) throws IOException {
            exchange.getRequestBody().readAllBytes();
            CALLS.computeIfAbsent(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                    k -> new AtomicInteger()).incrementAndGet();
            if (PeerStubs.fails(FAILING, FAILURES_TO_COME)) {
                send(exchange, 503, "{\"error\":\"stub failure\"}");
            } else {
                success.send();
            }
        }

        private static void send(HttpExchange exchange, int status, String body) throws IOException {
            PeerStubs.send(exchange, status, body);
        }

        @Override
        public void stop() {
            PeerStubs.stop(server);
        }
    }

    @Inject
    KeycloakAdmin keycloak;
    @Inject
    DeliveryService deliveries;

    @BeforeEach
    void reset() {
        CALLS.clear();
        FAILURES_TO_COME.set(0);
        FAILING.set(false);
    }

    private static int calls(String methodAndPath) {
        AtomicInteger count = CALLS.get(methodAndPath);
        return count == null ? 0 : count.get();
    }

    private static void assertUnavailable(String service, ApiException.Unavailable refusal) {
        assertEquals("Le service « " + service + " » est momentanément indisponible : réessayez dans quelques instants.",
                refusal.getMessage());
    }

    @Test
    @Order(1)
    void aKeycloakLookUpIsRetriedAfterAFailure() {
        FAILURES_TO_COME.set(1);

        assertTrue(keycloak.findByEmail("personne@test.wastetrace.local").isEmpty());

        assertEquals(2, calls("GET " + KEYCLOAK_USERS), "one failed attempt, one retry");
    }

    @Test
    @Order(2)
    void aKeycloakAccountCreationIsSentOnce() {
        FAILURES_TO_COME.set(1);

        assertUnavailable("keycloak", assertThrows(ApiException.Unavailable.class,
                () -> keycloak.createUser("nouveau@test.wastetrace.local", "Mot-de-passe-1", "Jeanne Martin", true)));

        assertEquals(1, calls("POST " + KEYCLOAK_USERS), "an account creation is never sent again");
    }

    @Test
    @Order(3)
    void theAttemptsOfAWebhookAreReadAgainAfterAFailureButAPingIsSentOnce() {
        FAILURES_TO_COME.set(1);
        assertTrue(deliveries.attempts("setting-1", 5).isEmpty());
        assertEquals(2, calls("GET " + WEBHOOK_SETTING + "/attempts"));

        FAILURES_TO_COME.set(1);
        assertUnavailable("webhook", assertThrows(ApiException.Unavailable.class, () -> deliveries.ping("setting-1", 1)));
        assertEquals(1, calls("POST " + WEBHOOK_SETTING + "/ping"), "a ping sends a delivery: never twice");
    }

    @Test
    @Order(4)
    void keycloakFailingOpensItsBreakerAndSignupAnswersTheUsualError() {
        FAILING.set(true);
        int sent = 8;
        for (int i = 0; i < sent; i++) {
            JsonPath answer = call(TestIdentity.anonymous(), "mutation($u: SignupInput!) { signup(userInfos: $u) }",
                    Map.of("u", Map.of("email", "breaker-" + i + "@test.wastetrace.local", "password", "Mot-de-passe-1",
                            "name", "Jeanne Martin"))).statusCode(200).extract().jsonPath();
            assertEquals("INTERNAL_SERVER_ERROR", answer.getString("errors[0].extensions.code"), answer.prettify());
            assertEquals("Le service « keycloak » est momentanément indisponible : réessayez dans quelques instants.",
                    answer.getString("errors[0].message"));
        }
        int reached = calls("POST " + KEYCLOAK_USERS);
        assertTrue(reached < sent, "the breaker should have opened before " + sent + " signups; " + reached + " reached Keycloak");

        FAILING.set(false);
        assertUnavailable("keycloak", assertThrows(ApiException.Unavailable.class,
                () -> keycloak.findByEmail("personne@test.wastetrace.local")));
        assertEquals(0, calls("GET " + KEYCLOAK_USERS), "an open breaker keeps look-ups (and their retries) from Keycloak");
    }
}
