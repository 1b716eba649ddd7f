package fr.wastetrace.webhook.delivery;

import com.sun.net.httpserver.HttpServer;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbound call's limits against a real local server: redirects, big or slow answers, refused networks. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class SenderQuarkusTest {
    private static HttpServer server;
    private static final AtomicInteger REDIRECT_TARGET_CALLS = new AtomicInteger();

    @Inject
    Sender sender;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/ok", exchange -> answer(exchange, 200, new byte[2]));
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "/target");
            answer(exchange, 302, new byte[0]);
        });
        server.createContext("/target", exchange -> {
            REDIRECT_TARGET_CALLS.incrementAndGet();
            answer(exchange, 200, new byte[0]);
        });
        server.createContext("/big", exchange -> answer(exchange, 200, new byte[1024 * 1024]));
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, new byte[0]);
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (java.io.IOException ignored) {
            // the client went away (the big answer): nothing to do
        }
    }

    private Outcome post(String path) {
        return sender.post("http://127.0.0.1:" + server.getAddress().getPort() + path, "[]", Map.of());
    }

    @Test
    void aTwoHundredIsDelivered() {
        Outcome outcome = post("/ok");
        assertEquals(Outcome.Kind.DELIVERED, outcome.kind());
        assertEquals(200, outcome.httpStatus());
    }

    @Test
    void redirectsAreNotFollowed() {
        Outcome outcome = post("/redirect");
        assertEquals(Outcome.Kind.HTTP_ERROR, outcome.kind());
        assertEquals(302, outcome.httpStatus());
        assertEquals(0, REDIRECT_TARGET_CALLS.get());
    }

    @Test
    void aResponseBeyondTheBoundIsCutOff() {
        assertEquals(Outcome.Kind.RESPONSE_TOO_LARGE, post("/big").kind());
    }

    @Test
    void aSlowReceiverTimesOut() {
        Outcome outcome = post("/slow");
        assertEquals(Outcome.Kind.TIMEOUT, outcome.kind());
        assertTrue(outcome.latencyMillis() < 2900, () -> "gave up after " + outcome.latencyMillis() + " ms");
    }

    @Test
    void theClusterNetworksAreRefusedBeforeAnyConnection() {
        Outcome outcome = sender.post("http://192.0.2.10/hook", "[]", Map.of());
        assertEquals(Outcome.Kind.REFUSED_ADDRESS, outcome.kind());
        assertNull(outcome.httpStatus());
        assertEquals(Outcome.Kind.REFUSED_ADDRESS, sender.post("ftp://127.0.0.1/", "[]", Map.of()).kind());
    }
}
