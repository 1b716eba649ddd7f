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
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GraphQL-over-WebSocket protocols on the gateway's own side: handshake, keep-alives and the closes the protocol
 * prescribes. The operations themselves need the subgraphs (their schema); they are covered end to end
 * (e2e {@code SubscriptionsIT}). Here no subgraph answers, so an operation gets the gateway's "starting" error.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
@TestProfile(GraphQLWebSocketQuarkusTest.SmallLimits.class)
class GraphQLWebSocketQuarkusTest {
    private static final String TRANSPORT = "graphql-transport-ws";
    private static final String LEGACY = "graphql-ws";

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wastetrace.gateway.websocket.connection-init-timeout", "2s",
                    "wastetrace.gateway.websocket.keep-alive", "1s",
                    "wastetrace.gateway.websocket.max-pending-bytes", "65536");
        }
    }

    @TestHTTPResource("/")
    URL root;
    @TestHTTPResource("/graphql")
    URL graphql;

    private GraphQLWebSocket open(URL url, String subprotocol) {
        return GraphQLWebSocket.connect(GraphQLWebSocket.ws(url.toString()), subprotocol, Map.of());
    }

    @Test
    void graphqlTransportWsAcknowledgesTheConnectionAndAnswersPings() {
        for (URL url : new URL[]{root, graphql}) {
            try (GraphQLWebSocket socket = open(url, TRANSPORT)) {
                assertEquals(TRANSPORT, socket.subprotocol());
                socket.send(GraphQLWebSocket.message("connection_init"));
                assertEquals("connection_ack", socket.next().get("type").asText());
                socket.send(GraphQLWebSocket.message("ping").put("payload", "bonjour"));
                JsonNode pong = nextExceptPing(socket);
                assertEquals("pong", pong.get("type").asText());
                assertEquals("bonjour", pong.get("payload").asText());
                JsonNode keepAlive = socket.next(); // the server pings every second in this profile
                while (!keepAlive.get("type").asText().equals("ping")) {
                    keepAlive = socket.next();
                }
            }
        }
    }

    @Test
    void theLegacyGraphqlWsProtocolAcknowledgesThenKeepsAlive() {
        try (GraphQLWebSocket socket = open(graphql, LEGACY)) {
            assertEquals(LEGACY, socket.subprotocol());
            socket.send(GraphQLWebSocket.message("connection_init").set("payload",
                    GraphQLWebSocket.message("ignored").put("authToken", "x")));
            assertEquals("connection_ack", socket.next().get("type").asText());
            assertEquals("ka", socket.next().get("type").asText());
            assertEquals("ka", socket.next().get("type").asText(), "then every second in this profile");
            socket.send(GraphQLWebSocket.message("connection_terminate"));
            assertEquals(1000, socket.awaitClose().code());
        }
    }

    @Test
    void anOperationBeforeConnectionInitClosesWith4401() {
        try (GraphQLWebSocket socket = open(root, TRANSPORT)) {
            socket.send(GraphQLWebSocket.operation("subscribe", "1", "subscription { forms(token: \"x\") { mutation } }",
                    Map.of()));
            assertEquals(4401, socket.awaitClose().code());
        }
    }

    @Test
    void aSecondConnectionInitClosesWith4429() {
        try (GraphQLWebSocket socket = open(root, TRANSPORT)) {
            socket.send(GraphQLWebSocket.message("connection_init"));
            assertEquals("connection_ack", socket.next().get("type").asText());
            socket.send(GraphQLWebSocket.message("connection_init"));
            assertEquals(4429, socket.awaitClose().code());
        }
    }

    @Test
    void aMessageThatIsNotAProtocolMessageClosesWith4400() {
        for (String garbage : new String[]{"not json", "[1, 2]", "{\"type\": \"launch\"}"}) {
            try (GraphQLWebSocket socket = open(root, TRANSPORT)) {
                socket.send(garbage);
                assertEquals(4400, socket.awaitClose().code(), garbage);
            }
        }
    }

    @Test
    void noConnectionInitInTimeClosesWith4408() {
        try (GraphQLWebSocket socket = open(root, TRANSPORT)) {
            GraphQLWebSocket.Closed closed = socket.awaitClose();
            assertEquals(4408, closed.code());
            assertEquals("Connection initialisation timeout", closed.reason());
        }
    }

    @Test
    void aClientWithoutAGraphQLSubprotocolIsClosedWith4406() {
        try (GraphQLWebSocket socket = open(root, null)) {
            assertEquals(4406, socket.awaitClose().code());
        }
    }

    @Test
    void anOperationGetsAnErrorForItsIdAndTheConnectionStaysOpen() {
        try (GraphQLWebSocket socket = open(graphql, TRANSPORT)) {
            socket.send(GraphQLWebSocket.message("connection_init"));
            assertEquals("connection_ack", socket.next().get("type").asText());
            socket.send(GraphQLWebSocket.operation("subscribe", "op-1", "subscription { forms(token: \"x\") { mutation } }",
                    Map.of()));
            JsonNode error = nextExceptPing(socket);
            assertEquals("error", error.get("type").asText(), error.toString());
            assertEquals("op-1", error.get("id").asText());
            assertEquals("INTERNAL_SERVER_ERROR", error.at("/payload/0/extensions/code").asText(), error.toString());
            assertTrue(error.at("/payload/0/message").asText().startsWith("L'API démarre"), error.toString());
            socket.send(GraphQLWebSocket.message("ping"));
            assertEquals("pong", nextExceptPing(socket).get("type").asText());
        }
    }

    @Test
    void aClientThatDoesNotReadItsMessagesIsDisconnectedWith1013() {
        try (GraphQLWebSocket socket = open(root, TRANSPORT)) {
            socket.send(GraphQLWebSocket.message("connection_init"));
            assertEquals("connection_ack", socket.next().get("type").asText());
            socket.pauseReading();
            String payload = "x".repeat(60_000);
            for (int i = 0; i < 1_000; i++) { // each ping makes the gateway write a pong of the same size
                try {
                    socket.send(GraphQLWebSocket.message("ping").put("payload", payload));
                } catch (CompletionException closedMeanwhile) {
                    break;
                }
            }
            socket.resumeReading();
            assertEquals(1013, socket.awaitClose().code());
        }
    }

    private static JsonNode nextExceptPing(GraphQLWebSocket socket) {
        JsonNode message = socket.next();
        while (message.get("type").asText().equals("ping")) {
            message = socket.next();
        }
        return message;
    }
}
