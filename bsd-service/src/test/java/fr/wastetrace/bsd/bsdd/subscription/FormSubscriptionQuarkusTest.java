package fr.wastetrace.bsd.bsdd.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.GraphQLWebSocket;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code forms} subscription over a real WebSocket (graphql-transport-ws, as the gateway speaks it upstream): the
 * changes other users make reach the subscribers whose companies may read the BSDD, in the reference API's shape, and
 * nobody else; the caller is the identity the gateway signed on the upgrade request.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class FormSubscriptionQuarkusTest extends ActsAsWorkflowActors {
    private static final String SUBSCRIPTION = """
            subscription OnForms($token: String!) {
              forms(token: $token) {
                mutation updatedFields
                node {
                  id status customId createdAt intermediaries { siret } stateSummary { emitter { siret } }
                  metadata { latestRevision { id } } grouping { quantity }
                }
                previousValues { id status customId createdAt }
              }
            }""";
    private static final Pattern GAUGE = Pattern.compile("(?m)^wastetrace_bsd_form_subscriptions(?:\\{[^}]*})? ([0-9.]+)$");

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void subscribersGetTheChangesOfTheFormsTheirCompaniesMayReadAndNothingElse() {
        int before = subscriptions();
        try (GraphQLWebSocket producerReader = subscribe("Preader");
             GraphQLWebSocket destination = subscribe("D");
             GraphQLWebSocket unrelated = subscribe("X")) {
            awaitSubscriptions(before + 3);

            ObjectNode input = (ObjectNode) WorkflowActors.directRouteForm();
            String id = call("P", "mutation($input: CreateFormInput!) { createForm(createFormInput: $input) { id } }",
                    EventCodec.mapper().createObjectNode().set("input", input)).at("/data/createForm/id").asText();
            JsonNode created = forms(producerReader);
            assertEquals("CREATED", created.get("mutation").asText());
            assertEquals(id, created.at("/node/id").asText());
            assertEquals("DRAFT", created.at("/node/status").asText());
            assertEquals(WorkflowActors.values().get("P.siret").asText(), created.at("/node/stateSummary/emitter/siret").asText());
            assertTrue(created.get("updatedFields").isNull());
            assertTrue(created.get("previousValues").isNull());
            assertTrue(created.at("/node/metadata/latestRevision").isNull(), "fields resolved apart work per message");
            assertEquals(0, created.at("/node/grouping").size(), created.toString());

            call("P", "mutation($i: UpdateFormInput!) { updateForm(updateFormInput: $i) { id } }",
                    EventCodec.mapper().createObjectNode().set("i", EventCodec.mapper().createObjectNode()
                            .put("id", id).put("customId", "SUB-1")));
            JsonNode renamed = forms(producerReader);
            assertEquals("UPDATED", renamed.get("mutation").asText());
            assertEquals("SUB-1", renamed.at("/node/customId").asText());
            assertTrue(renamed.at("/previousValues/customId").isNull(), renamed.toString());
            assertEquals(List.of("customId", "updatedAt"), strings(renamed.get("updatedFields")), renamed.toString());

            ObjectNode byId = EventCodec.mapper().createObjectNode().put("id", id);
            call("P", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", byId);
            JsonNode sealed = forms(producerReader);
            assertEquals("SEALED", sealed.at("/node/status").asText());
            assertEquals("DRAFT", sealed.at("/previousValues/status").asText());
            assertTrue(strings(sealed.get("updatedFields")).contains("status"), sealed.toString());
            JsonNode sealedForDestination = forms(destination);
            assertEquals("UPDATED", sealedForDestination.get("mutation").asText(),
                    "the destination sees the BSDD once sealed (a draft is its creator's only)");
            assertEquals(id, sealedForDestination.at("/node/id").asText());

            ObjectNode intermediary = EventCodec.mapper().createObjectNode()
                    .put("siret", WorkflowActors.values().get("X.siret").asText()).put("name", "Entreprise X sans lien")
                    .put("address", "5 rue des Tiers 75005 Paris").put("contact", "Xavier");
            ObjectNode withIntermediary = EventCodec.mapper().createObjectNode().put("id", id);
            withIntermediary.putArray("intermediaries").add(intermediary);
            call("P", "mutation($i: UpdateFormInput!) { updateForm(updateFormInput: $i) { id } }",
                    EventCodec.mapper().createObjectNode().set("i", withIntermediary));
            JsonNode firstForUnrelated = forms(unrelated);
            assertEquals("UPDATED", firstForUnrelated.get("mutation").asText(),
                    "X's first change is the one that puts it on the BSDD: it got none of the earlier ones");
            assertEquals(WorkflowActors.values().get("X.siret").asText(),
                    firstForUnrelated.at("/node/intermediaries/0/siret").asText());
            assertEquals(List.of("intermediaries", "updatedAt"), strings(firstForUnrelated.get("updatedFields")));
            assertEquals("intermediaries", strings(forms(producerReader).get("updatedFields")).get(0));
            assertEquals("intermediaries", strings(forms(destination).get("updatedFields")).get(0));

            call("P", "mutation($id: ID!) { deleteForm(id: $id) { id } }", byId);
            for (GraphQLWebSocket subscriber : List.of(producerReader, destination, unrelated)) {
                JsonNode deleted = forms(subscriber);
                assertEquals("DELETED", deleted.get("mutation").asText());
                assertTrue(deleted.get("node").isNull());
                assertEquals(id, deleted.at("/previousValues/id").asText());
                assertEquals("SEALED", deleted.at("/previousValues/status").asText());
            }
        }
        awaitSubscriptions(before);
    }

    @Test
    void beyondTheInstancesMaximumASubscriptionIsRefusedUntilAnotherEnds() {
        int maximum = 4;   // %test.wastetrace.bsd.subscriptions.max-subscribers
        int before = subscriptions();
        List<GraphQLWebSocket> sockets = new ArrayList<>();
        try {
            for (int i = before; i < maximum; i++) {
                sockets.add(subscribe("D"));
            }
            awaitSubscriptions(maximum);
            try (GraphQLWebSocket refused = subscribe("D")) {
                JsonNode error = refused.nextSkippingKeepAlive();
                assertEquals("error", error.get("type").asText(), error.toString());
                assertEquals("TOO_MANY_REQUESTS", error.at("/payload/0/extensions/code").asText(), error.toString());
            }
            sockets.remove(0).close();
            awaitSubscriptions(maximum - 1);
            sockets.add(subscribe("D"));
            awaitSubscriptions(maximum);
        } finally {
            sockets.forEach(GraphQLWebSocket::close);
        }
        awaitSubscriptions(before);
    }

    @Test
    void anAnonymousCallerIsRefusedWithUnauthenticated() {
        try (GraphQLWebSocket socket = open(TestIdentity.anonymous())) {
            socket.send(GraphQLWebSocket.message("connection_init"));
            assertEquals("connection_ack", socket.nextSkippingKeepAlive().get("type").asText());
            socket.send(GraphQLWebSocket.operation("subscribe", "1", SUBSCRIPTION, Map.of("token", "")));
            JsonNode refused = socket.nextSkippingKeepAlive();
            assertEquals("error", refused.get("type").asText(), refused.toString());
            assertEquals("UNAUTHENTICATED", refused.at("/payload/0/extensions/code").asText(), refused.toString());
        }
    }

    @Test
    void theUpgradeNeedsTheGatewaySignedIdentity() {
        assertThrows(GraphQLWebSocket.UpgradeRefused.class, () -> open(null));
        assertThrows(GraphQLWebSocket.UpgradeRefused.class, () -> open("v1.forged.signature"));
    }

    private GraphQLWebSocket subscribe(String user) {
        GraphQLWebSocket socket = open(TestIdentity.user("wf-" + user, "wf-" + user + "@wastetrace.test", user));
        socket.send(GraphQLWebSocket.message("connection_init"));
        assertEquals("connection_ack", socket.nextSkippingKeepAlive().get("type").asText());
        socket.send(GraphQLWebSocket.operation("subscribe", "forms", SUBSCRIPTION, Map.of("token", "")));
        return socket;
    }

    private GraphQLWebSocket open(String identity) {
        return GraphQLWebSocket.connect(GraphQLWebSocket.ws(graphql.toString()), "graphql-transport-ws",
                identity == null ? Map.of() : Map.of(TestIdentity.HEADER, identity));
    }

    private static JsonNode call(String user, String operation, JsonNode variables) {
        JsonNode answer = WorkflowActors.call(user, operation, variables);
        assertFalse(answer.has("errors"), answer.toString());
        return answer;
    }

    /** The {@code forms} payload of a {@code next} message. */
    private static JsonNode forms(GraphQLWebSocket subscriber) {
        JsonNode message = subscriber.nextSkippingKeepAlive();
        assertEquals("next", message.get("type").asText(), message.toString());
        assertFalse(message.path("payload").has("errors"), message.toString());
        return message.at("/payload/data/forms");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static int subscriptions() {
        Matcher matcher = GAUGE.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return matcher.find() ? (int) Double.parseDouble(matcher.group(1)) : 0;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Subscribing is asynchronous: waits until this instance serves {@code expected} subscribers. */
    private static void awaitSubscriptions(int expected) {
        Instant deadline = Instant.now().plus(GraphQLWebSocket.PATIENCE);
        while (subscriptions() != expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + expected + " subscribers, the service has " + subscriptions());
            }
            pause();
        }
    }
}
