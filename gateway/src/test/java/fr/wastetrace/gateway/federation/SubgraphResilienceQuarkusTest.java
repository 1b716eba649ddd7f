package fr.wastetrace.gateway.federation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.PeerStubs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's calls to the subgraphs under failure, through its public endpoint: four stub subgraphs on a real local
 * HTTP server, one per behaviour, so that each has a circuit breaker of its own. A query is retried after a failure, a
 * mutation is sent once, a subgraph that keeps failing gets its breaker opened (calls stop reaching it), and one that
 * does not answer in time is given up; in each failing case the client gets the usual French error, never a trace.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
@TestProfile(SubgraphResilienceQuarkusTest.StubSubgraphs.class)
class SubgraphResilienceQuarkusTest {
    private static final String PLUMBING = """
            directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
            scalar FieldSet
            scalar _Any
            type _Service { sdl: String! }
            """;

    static final Map<String, Stub> STUBS = Map.of(
            "bsd", new Stub("type Query { _service: _Service! ping: String }"),
            "company", new Stub("type Query { _service: _Service! companyPing: String } type Mutation { poke: String }"),
            "registry", new Stub("type Query { _service: _Service! registryPing: String } type Mutation { seal: String }"),
            "slow", new Stub("type Query { _service: _Service! slowPing: String }"));

    /** One stub subgraph: answers its SDL always; other calls as the test says, and counts them. */
    static final class Stub {
        final String sdl;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger failuresToCome = new AtomicInteger();
        /** Answers to come with status 200 and an empty body. */
        final AtomicInteger emptyAnswersToCome = new AtomicInteger();
        final AtomicBoolean failing = new AtomicBoolean();
        volatile CountDownLatch hold = new CountDownLatch(0);

        Stub(String types) {
            this.sdl = PLUMBING + types;
        }

        void reset() {
            calls.set(0);
            failuresToCome.set(0);
            emptyAnswersToCome.set(0);
            failing.set(false);
        }
    }

    public static class StubSubgraphs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("wastetrace.gateway.schema-refresh-interval", "1h");
            config.put("wastetrace.gateway.schema-retry-interval", "200ms");
            config.putAll(PeerStubs.testPolicy("wastetrace.gateway.subgraph-calls.", "1s"));
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubServer.class));
        }
    }

    /** The HTTP server of the stubs: {@code /<subgraph>/graphql}. */
    public static class StubServer implements QuarkusTestResourceLifecycleManager {
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            server = PeerStubs.start(routes -> STUBS.forEach((name, stub) ->
                    routes.createContext("/" + name + "/graphql", exchange -> answer(exchange, stub))));
            Map<String, String> config = new HashMap<>();
            STUBS.keySet().forEach(name -> config.put("wastetrace.gateway.subgraphs." + name,
                    PeerStubs.url(server) + "/" + name));
            return config;
        }

        private static void answer(HttpExchange exchange, Stub stub) throws IOException {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (request.contains("_service")) {
                send(exchange, 200, "{\"data\":{\"_service\":{\"sdl\":" + json(stub.sdl) + "}}}");
                return;
            }
            stub.calls.incrementAndGet();
            try {
                stub.hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (PeerStubs.fails(stub.failing, stub.failuresToCome)) {
                send(exchange, 503, "{\"message\":\"stub failure\"}");
                return;
            }
            if (stub.emptyAnswersToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, 200, "");
                return;
            }
            String field = request.replaceAll("(?s).*?\\{\\s*(\\w+).*", "$1");
            send(exchange, 200, "{\"data\":{\"" + field + "\":\"pong\"}}");
        }

        private static String json(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }

        private static void send(HttpExchange exchange, int status, String body) throws IOException {
            PeerStubs.send(exchange, status, body);
        }

        @Override
        public void stop() {
            STUBS.values().forEach(stub -> stub.hold.countDown());
            PeerStubs.stop(server);
        }
    }

    @Inject
    SchemaRegistry schemas;

    @BeforeEach
    void composed() throws InterruptedException {
        for (int i = 0; i < 300 && !schemas.complete(); i++) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertTrue(schemas.complete(), "the stub subgraphs' schemas were never composed: " + schemas.status());
        STUBS.values().forEach(Stub::reset);
    }

    private static JsonPath post(String query) {
        return given().contentType(ContentType.JSON).body(Map.of("query", query))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    private static void assertUnavailable(String subgraph, JsonPath answer) {
        assertEquals("Le service « " + subgraph + " » est momentanément indisponible : réessayez dans quelques instants.",
                answer.getString("errors[0].message"), answer.prettify());
        assertEquals("INTERNAL_SERVER_ERROR", answer.getString("errors[0].extensions.code"));
        assertEquals(Set.of("code", "errorId"), answer.getMap("errors[0].extensions").keySet(),
                "only the code and the error id go to the client");
    }

    /** {@code { ping }} answered by bsd's stub at its second attempt. */
    private static void assertAnsweredByARetry(String why) {
        JsonPath answer = post("{ ping }");

        assertNull(answer.get("errors"), answer.prettify());
        assertEquals("pong", answer.getString("data.ping"));
        assertEquals(2, STUBS.get("bsd").calls.get(), why);
    }

    @Test
    void aQueryIsRetriedAfterTheSubgraphFailed() {
        STUBS.get("bsd").failuresToCome.set(1);
        assertAnsweredByARetry("one failed attempt, one retry");
    }

    @Test
    void anAnswerWithoutJsonIsTheSubgraphsFaultNotANullAnswer() {
        STUBS.get("bsd").emptyAnswersToCome.set(1);
        assertAnsweredByARetry("an empty answer is a failed attempt: the query is sent again");
    }

    @Test
    void aMutationIsSentOnceEvenWhenItFails() {
        STUBS.get("company").failuresToCome.set(1);

        JsonPath answer = post("mutation { poke }");

        assertUnavailable("company", answer);
        assertEquals(1, STUBS.get("company").calls.get(), "a mutation is never sent again");
    }

    @Test
    void aSubgraphThatKeepsFailingHasItsBreakerOpened() {
        Stub registry = STUBS.get("registry");
        registry.failing.set(true);
        int sent = 10;
        for (int i = 0; i < sent; i++) {
            assertUnavailable("registry", post("mutation { seal }"));
        }
        int reached = registry.calls.get();
        assertTrue(reached < sent, "the breaker should have opened before " + sent + " calls; " + reached + " reached it");

        registry.failing.set(false);
        assertUnavailable("registry", post("{ registryPing }"));
        assertEquals(reached, registry.calls.get(), "an open breaker keeps calls (and their retries) from the subgraph");
    }

    @Test
    void aSubgraphThatDoesNotAnswerInTimeIsGivenUp() {
        Stub slow = STUBS.get("slow");
        slow.hold = new CountDownLatch(1);
        try {
            assertUnavailable("slow", post("{ slowPing }"));
            assertEquals(3, slow.calls.get(), "a read that timed out is retried (twice here)");
        } finally {
            slow.hold.countDown();
        }
    }
}
