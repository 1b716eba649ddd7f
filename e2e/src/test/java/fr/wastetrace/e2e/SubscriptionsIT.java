package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.GraphQLWebSocket;
import fr.wastetrace.testing.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference API's {@code forms} subscription through the gateway's WebSocket, with accounts made through the
 * public API: the changes a user makes reach the subscribers of its company (personal access token, then Keycloak
 * token with the legacy protocol), and nobody else; the protocol's errors.
 *
 * <p>Subscribing is asynchronous: before it counts on a subscription, a test makes drafts until the subscriber gets
 * one ("probes", then skipped). A subscriber that must get nothing proves it with its own draft: the first change it
 * gets after the others is that one (bsd-service sends a subscriber its changes in the order it reads them).
 *
 * <p>How a subscription ends when bsd-service goes away (stopped during the test, then started again) and when its
 * personal access token is revoked: an error with a stable code, and the connection goes on.
 */
class SubscriptionsIT {
    private static final String SUBSCRIPTION = """
            subscription OnForms($token: String!) {
              forms(token: $token) { mutation updatedFields node { id status customId } previousValues { id customId } }
            }""";
    private static final String TRANSPORT = "graphql-transport-ws";
    private static final Duration PROBE_WAIT = Duration.ofSeconds(3);

    private static WorkflowAccounts accounts;

    @BeforeAll
    static void accounts() {
        accounts = WorkflowAccounts.create(Path.of("src/test/resources/subscriptions"));
    }

    @Test
    void theChangesAUserMakesReachTheSubscribersOfItsCompanyAndNobodyElse() {
        try (GraphQLWebSocket a = subscribe(TRANSPORT, "subscribe", accounts.token("A"));
             GraphQLWebSocket c = subscribe(TRANSPORT, "subscribe", accounts.token("C"))) {
            Set<String> probes = new HashSet<>();
            awaitSubscribed(a, "B", "P", probes);
            awaitSubscribed(c, "C", "O", probes);

            String id = draft("B", "P");
            JsonNode created = forms(a, probes);
            assertEquals("CREATED", created.get("mutation").asText());
            assertEquals(id, created.at("/node/id").asText());
            assertEquals("DRAFT", created.at("/node/status").asText());

            ObjectNode update = EventCodec.mapper().createObjectNode().put("id", id).put("customId", "ABO-E2E");
            call("B", "mutation($i: UpdateFormInput!) { updateForm(updateFormInput: $i) { id } }",
                    EventCodec.mapper().createObjectNode().set("i", update));
            JsonNode updated = forms(a, probes);
            assertEquals("UPDATED", updated.get("mutation").asText());
            assertEquals("ABO-E2E", updated.at("/node/customId").asText());
            assertTrue(updated.at("/previousValues/customId").isNull(), updated.toString());
            assertEquals(List.of("customId", "updatedAt"), strings(updated.get("updatedFields")));

            call("B", "mutation($id: ID!) { deleteForm(id: $id) { id } }", EventCodec.mapper().createObjectNode().put("id", id));
            JsonNode deleted = forms(a, probes);
            assertEquals("DELETED", deleted.get("mutation").asText());
            assertTrue(deleted.get("node").isNull());
            assertEquals(id, deleted.at("/previousValues/id").asText());

            String own = draft("C", "O");
            JsonNode firstForOutsider = forms(c, probes);
            assertEquals(own, firstForOutsider.at("/node/id").asText(),
                    "the subscriber of another company got none of P's changes before its own");

            a.send(GraphQLWebSocket.message("complete").put("id", "forms"));
            a.send(GraphQLWebSocket.operation("subscribe", "forms", SUBSCRIPTION, Map.of("token", accounts.token("A"))));
            awaitSubscribed(a, "B", "P", probes);
        }
    }

    @Test
    void theLegacyProtocolWithAKeycloakToken() {
        try (GraphQLWebSocket a = subscribe("graphql-ws", "start", accounts.keycloakToken("A"))) {
            Set<String> probes = new HashSet<>();
            JsonNode first = awaitSubscribed(a, "B", "P", probes);
            assertEquals("data", first.get("type").asText(), first.toString());
            assertEquals("CREATED", first.at("/payload/data/forms/mutation").asText());
            a.send(GraphQLWebSocket.message("stop").put("id", "forms"));
            a.send(GraphQLWebSocket.operation("start", "q", "{ __typename }", Map.of()));
            JsonNode answer = a.nextSkippingKeepAlive();
            while (probes.contains(answer.at("/payload/data/forms/node/id").asText())) { // changes sent before the stop
                answer = a.nextSkippingKeepAlive();
            }
            assertEquals("data", answer.get("type").asText(), answer.toString());
            assertEquals("q", answer.get("id").asText());
            assertEquals("Query", answer.at("/payload/data/__typename").asText());
            assertEquals("complete", a.nextSkippingKeepAlive().get("type").asText());
        }
    }

    @Test
    void operationsOverTheSocketAreCheckedLikeRequests() {
        try (GraphQLWebSocket socket = GraphQLWebSocket.connect(gatewayWs(), TRANSPORT, Map.of())) {
            socket.send(GraphQLWebSocket.message("connection_init").set("payload",
                    EventCodec.mapper().createObjectNode().put("Authorization", "Bearer " + accounts.token("A"))));
            assertEquals("connection_ack", socket.nextSkippingKeepAlive().get("type").asText());

            socket.send(GraphQLWebSocket.operation("subscribe", "me", "{ me { email } }", Map.of()));
            JsonNode me = socket.nextSkippingKeepAlive();
            assertEquals("next", me.get("type").asText(), me.toString());
            assertEquals(accounts.values().get("A.email").asText(), me.at("/payload/data/me/email").asText());
            assertEquals("complete", socket.nextSkippingKeepAlive().get("type").asText());

            assertEquals("GRAPHQL_PARSE_FAILED", errorCode(socket, "parse", "subscription { forms(", Map.of()));
            assertEquals("GRAPHQL_VALIDATION_FAILED", errorCode(socket, "unknown",
                    "subscription { forms(token: \"x\") { nope } }", Map.of()));
            assertEquals("UNAUTHENTICATED", errorCode(socket, "token", SUBSCRIPTION, Map.of("token", "not-a-token")));
            // U+0000 is refused over the socket as over HTTP, before any subgraph: in a variable (BAD_USER_INPUT) and
            // in a literal of the document (GRAPHQL_VALIDATION_FAILED)
            assertEquals("BAD_USER_INPUT", errorCode(socket, "nul-variable", SUBSCRIPTION, Map.of("token", "a\u0000b")));
            assertEquals("GRAPHQL_VALIDATION_FAILED", errorCode(socket, "nul-literal",
                    "subscription { forms(token: \"a\\u0000b\") { mutation } }", Map.of()));
            assertEquals("BAD_USER_INPUT", errorCode(socket, "nul-query",
                    "query Q($s: String!) { companyInfos(siret: $s) { name } }", Map.of("s", "\u0000")));

            for (int i = 1; i <= 10; i++) {
                socket.send(GraphQLWebSocket.operation("subscribe", "s" + i, SUBSCRIPTION, Map.of("token", accounts.token("A"))));
            }
            assertEquals("TOO_MANY_REQUESTS", errorCode(socket, "s11", SUBSCRIPTION, Map.of("token", accounts.token("A"))),
                    "at most 10 operations run at once on one connection");
            socket.send(GraphQLWebSocket.operation("subscribe", "s1", SUBSCRIPTION, Map.of("token", accounts.token("A"))));
            assertEquals(4409, socket.awaitClose().code(), "an id already running");
        }
        Suite.gateway(accounts.token("A")).body(Map.of("query", SUBSCRIPTION, "variables", Map.of("token", "x")))
                .post("/").then().statusCode(400)
                .body("errors[0].extensions.code", org.hamcrest.Matchers.is("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", containsString("WebSocket"));
    }

    @Test
    void aSubscriptionBsdServiceDropsEndsWithAnErrorAndTheConnectionSubscribesAgainOnceItIsBack() {
        try (GraphQLWebSocket a = subscribe(TRANSPORT, "subscribe", accounts.token("A"))) {
            Set<String> probes = new HashSet<>();
            awaitSubscribed(a, "B", "P", probes);

            Stack.stopService("bsd-service");
            JsonNode dropped = endOf(a, "forms", probes, GraphQLWebSocket.PATIENCE);
            assertEquals("error", dropped.get("type").asText(), dropped.toString());
            assertEquals("INTERNAL_SERVER_ERROR", dropped.at("/payload/0/extensions/code").asText(), dropped.toString());
            assertTrue(dropped.at("/payload/0/message").asText().contains("réabonnez-vous"), dropped.toString());

            a.send(GraphQLWebSocket.operation("subscribe", "q", "{ __typename }", Map.of()));
            JsonNode answer = a.nextSkippingKeepAlive();
            assertEquals("Query", answer.at("/payload/data/__typename").asText(), "the gateway and the connection stay up: "
                    + answer);
            assertEquals("complete", a.nextSkippingKeepAlive().get("type").asText());

            Stack.ensureFull();
            a.send(GraphQLWebSocket.operation("subscribe", "forms", SUBSCRIPTION, Map.of("token", accounts.token("A"))));
            awaitSubscribed(a, "B", "P", probes);
        } finally {
            Stack.ensureFull();
        }
    }

    @Test
    void revokingTheAccessTokenOfARunningSubscriptionEndsIt() {
        WorkflowAccounts.NewAccessToken token = accounts.createAccessToken("A", "abonnement révoqué");
        try (GraphQLWebSocket a = subscribe(TRANSPORT, "subscribe", token.token())) {
            Set<String> probes = new HashSet<>();
            awaitSubscribed(a, "B", "P", probes);

            accounts.revokeAccessToken("A", token.id());
            // The gateway checks the token again every 60 s and caches its resolution 60 s: the end comes within two
            // minutes; the bound only keeps a broken build from waiting forever.
            JsonNode ended = endOf(a, "forms", probes, Duration.ofMinutes(5));
            assertEquals("error", ended.get("type").asText(), ended.toString());
            assertEquals("UNAUTHENTICATED", ended.at("/payload/0/extensions/code").asText(), ended.toString());
            assertTrue(ended.at("/payload/0/message").asText().contains("révoqué"), ended.toString());

            assertEquals("UNAUTHENTICATED", errorCode(a, "again", SUBSCRIPTION, Map.of("token", token.token())),
                    "the revoked token cannot subscribe again");
            a.send(GraphQLWebSocket.operation("subscribe", "forms", SUBSCRIPTION, Map.of("token", accounts.token("A"))));
            awaitSubscribed(a, "B", "P", probes);
        }
    }

    /** The message that ends operation {@code id} (error or complete), past the changes about probes; within {@code bound}. */
    private static JsonNode endOf(GraphQLWebSocket socket, String id, Set<String> probes, Duration bound) {
        java.time.Instant deadline = java.time.Instant.now().plus(bound);
        while (true) {
            Duration left = Duration.between(java.time.Instant.now(), deadline);
            JsonNode message = socket.poll(left.isNegative() ? Duration.ZERO : left)
                    .orElseThrow(() -> new AssertionError("operation " + id + " did not end within " + bound));
            if (message.get("type").asText().equals("next")
                    && probes.contains(message.at("/payload/data/forms/node/id").asText())) {
                continue;
            }
            assertEquals(id, message.path("id").asText(), message.toString());
            return message;
        }
    }

    /** Opens a socket, initialises it and subscribes to {@code forms} (operation id {@code forms}) with {@code token}. */
    private static GraphQLWebSocket subscribe(String subprotocol, String startMessage, String token) {
        GraphQLWebSocket socket = GraphQLWebSocket.connect(gatewayWs(), subprotocol, Map.of());
        assertEquals(subprotocol, socket.subprotocol());
        socket.send(GraphQLWebSocket.message("connection_init"));
        assertEquals("connection_ack", socket.nextSkippingKeepAlive().get("type").asText());
        socket.send(GraphQLWebSocket.operation(startMessage, "forms", SUBSCRIPTION, Map.of("token", token)));
        return socket;
    }

    /** Makes drafts as {@code user} of {@code company} until {@code subscriber} gets one; returns that message. */
    private static JsonNode awaitSubscribed(GraphQLWebSocket subscriber, String user, String company, Set<String> probes) {
        for (int attempt = 0; attempt < 20; attempt++) {
            probes.add(draft(user, company));
            Optional<JsonNode> message = subscriber.poll(PROBE_WAIT);
            if (message.isPresent()) {
                String about = message.get().at("/payload/data/forms/node/id").asText();
                assertTrue(probes.contains(about), "a subscriber's first change is one of the probes: " + message.get());
                return message.get();
            }
        }
        throw new AssertionError("the subscriber got none of " + probes.size() + " new drafts");
    }

    /** The next change {@code subscriber} gets that is not about a probe. */
    private static JsonNode forms(GraphQLWebSocket subscriber, Set<String> probes) {
        while (true) {
            JsonNode message = subscriber.nextSkippingKeepAlive();
            assertEquals("next", message.get("type").asText(), message.toString());
            assertFalse(message.path("payload").has("errors"), message.toString());
            JsonNode forms = message.at("/payload/data/forms");
            String about = forms.get("node").isNull() ? forms.at("/previousValues/id").asText() : forms.at("/node/id").asText();
            if (!probes.contains(about)) {
                return forms;
            }
        }
    }

    private static String errorCode(GraphQLWebSocket socket, String id, String query, Map<String, ?> variables) {
        socket.send(GraphQLWebSocket.operation("subscribe", id, query, variables));
        JsonNode error = socket.nextSkippingKeepAlive();
        while (!id.equals(error.path("id").asText())) { // the changes other running subscriptions get meanwhile
            error = socket.nextSkippingKeepAlive();
        }
        assertEquals("error", error.get("type").asText(), error.toString());
        return error.at("/payload/0/extensions/code").asText();
    }

    /** A new draft of {@code company}'s, by {@code user}; its id. */
    private static String draft(String user, String company) {
        ObjectNode input = EventCodec.mapper().createObjectNode();
        input.putObject("emitter").putObject("company").put("siret", accounts.values().get(company + ".siret").asText());
        return call(user, "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }",
                EventCodec.mapper().createObjectNode().set("i", input)).at("/data/createForm/id").asText();
    }

    private static JsonNode call(String user, String operation, JsonNode variables) {
        JsonNode answer = accounts.call(user, operation, variables);
        assertFalse(answer.has("errors"), answer.toString());
        return answer;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static java.net.URI gatewayWs() {
        return GraphQLWebSocket.ws(Suite.env().get("GATEWAY_URL") + "/");
    }
}
