package fr.wastetrace.gateway.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.GraphQLWebSocket;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.security.SecureRandom;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A WebSocket counts against the per-IP limit once when it opens, then once per operation it starts. */
@QuarkusTest
@WithTestResource(BackingServices.class)
@TestProfile(WebSocketRateLimitQuarkusTest.TwentyRequests.class)
class WebSocketRateLimitQuarkusTest {

    public static class TwentyRequests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Each run counts under an address of its own (the loopback is a trusted proxy here): other test classes
            // share the Redis and the loopback address, and their requests stay in the sliding window.
            return Map.of("wastetrace.gateway.rate-limit.per-ip", "20",
                    "wastetrace.gateway.rate-limit.trusted-proxies", "127.0.0.1/32,::1/128");
        }
    }

    /** An address of the IPv6 documentation prefix (RFC 3849) that no other test uses, fresh for each run. */
    private static final String CLIENT = "2001:db8::" + Integer.toHexString(new SecureRandom().nextInt(0xffff) + 1)
            + ":" + Integer.toHexString(new SecureRandom().nextInt(0xffff) + 2);
    private static final Map<String, String> FROM_CLIENT = Map.of("X-Forwarded-For", CLIENT);

    @TestHTTPResource("/")
    URL root;

    @Test
    void theUpgradeAndEachOperationAreCounted() {
        int remaining = Integer.parseInt(given().headers(FROM_CLIENT).get("/schema.graphql")
                .header("X-RateLimit-Remaining"));
        try (GraphQLWebSocket socket = GraphQLWebSocket.connect(GraphQLWebSocket.ws(root.toString()),
                "graphql-transport-ws", FROM_CLIENT)) {
            socket.send(GraphQLWebSocket.message("connection_init"));
            assertEquals("connection_ack", socket.next().get("type").asText());
            for (int i = 1; i <= remaining; i++) { // the upgrade took one
                boolean allowed = i < remaining;
                socket.send(GraphQLWebSocket.operation("subscribe", "op-" + i, "{ __typename }", Map.of()));
                JsonNode error = socket.next();
                assertEquals("op-" + i, error.get("id").asText());
                assertEquals(allowed ? "INTERNAL_SERVER_ERROR" : "TOO_MANY_REQUESTS",
                        error.at("/payload/0/extensions/code").asText(), error.toString());
            }
        }
        assertThrows(GraphQLWebSocket.UpgradeRefused.class, () -> GraphQLWebSocket.connect(
                GraphQLWebSocket.ws(root.toString()), "graphql-transport-ws", FROM_CLIENT));
    }
}
