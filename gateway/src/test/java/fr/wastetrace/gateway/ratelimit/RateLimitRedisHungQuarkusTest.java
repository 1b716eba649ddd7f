package fr.wastetrace.gateway.ratelimit;

import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis hangs: a real socket that accepts every connection and never answers is the gateway's Redis. Requests are
 * answered within the limiter's timeout, the per-IP limit failing open as configured (never a 5xx), and the
 * per-operation limits on signup, createAccessToken and inviteUserToCompany failing closed all the same.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
@TestProfile(RateLimitRedisHungQuarkusTest.HungRedis.class)
class RateLimitRedisHungQuarkusTest {
    static final HangingServer REDIS = new HangingServer();

    public static class HungRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + REDIS.port(), "quarkus.redis.health.enabled", "false",
                    "wastetrace.gateway.rate-limit.fail-open", "true",
                    "wastetrace.gateway.rate-limit.redis-timeout", "500ms",
                    "quarkus.redis.timeout", "2s");
        }
    }

    /** Accepts connections and holds them open without reading or writing a byte. */
    static final class HangingServer {
        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        HangingServer() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "hanging-redis");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return held.size();
        }

        void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        REDIS.close();
    }

    @Inject
    OperationLimits operationLimits;

    @Test
    void requestsAreAnsweredWithinTheTimeoutAndLetThrough() {
        // Warm the HTTP path up (class loading, the client's first connection) on a route the limiter does not count.
        given().get("/q/health/live").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            Response response = given().header("Accept", "text/html").get("/");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, response.statusCode(), "fail open: the GraphQL page is served");
            assertEquals("1000", response.header("X-RateLimit-Limit"));
            System.out.println("hung Redis: request " + i + " answered in " + millis + " ms");
            assertTrue(millis < 2_000, "answered in " + millis + " ms, the limiter waits 500 ms for Redis");
        }
        given().contentType("application/json").body("{").post("/").then().statusCode(400);
        assertTrue(REDIS.connections() > 0, "the gateway did connect to the hanging Redis");
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("wastetrace_gateway_ratelimit_redis_failures_total"));
    }

    @Test
    void sensitiveOperationsFailClosedWithinTheTimeout() {
        for (String field : List.of("signup", "createAccessToken", "inviteUserToCompany")) {
            long started = System.nanoTime();
            Optional<OperationLimits.Refusal> refusal = operationLimits.firstExceeded(List.of("me", field), "192.0.2.7");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(Optional.of(new OperationLimits.Refusal(field, true)), refusal, field);
            assertTrue(refusal.get().message().contains("« " + field + " » ne peut pas être vérifié"), refusal.get().message());
            assertTrue(millis < 2_000, field + " decided in " + millis + " ms");
        }
        assertEquals(Optional.empty(), operationLimits.firstExceeded(List.of("me", "bsds"), "192.0.2.7"),
                "fields without a limit of their own are not refused");
    }
}
