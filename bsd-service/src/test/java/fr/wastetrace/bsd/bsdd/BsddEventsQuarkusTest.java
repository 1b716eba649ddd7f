package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.core.mutation.StatePayloads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.bsd.BsddEvents;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KafkaEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every committed change of a BSDD reaches the BSD topic (outbox, Debezium) keyed by the BSDD id, with a growing
 * version and a payload that the checked-in schema describes; a refused change publishes nothing.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class BsddEventsQuarkusTest extends ActsAsWorkflowActors {
    @ConfigProperty(name = "wastetrace.outbox.relay.topic")
    String bsdTopic;

    @Test
    void createSealRefusedChangeAndDeleteArePublishedInOrder() throws Exception {
        ObjectNode variables = EventCodec.mapper().createObjectNode();
        variables.set("input", WorkflowActors.directRouteForm());
        String id = WorkflowActors.call("P", "mutation($input: CreateFormInput!) { createForm(createFormInput: $input) { id } }",
                variables).at("/data/createForm/id").asText();
        ObjectNode byId = EventCodec.mapper().createObjectNode().put("id", id);
        WorkflowActors.call("P", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", byId);
        JsonNode refused = WorkflowActors.call("D", "mutation($id: ID!, $i: ReceivedFormInput!) { markAsReceived(id: $id, "
                + "receivedInfo: $i) { status } }", byId.deepCopy().set("i", EventCodec.mapper().createObjectNode()
                .put("receivedBy", "D").put("receivedAt", Instant.now().toString())));
        assertEquals("BAD_USER_INPUT", refused.at("/errors/0/extensions/code").asText(), refused.toString());
        WorkflowActors.call("P", "mutation($id: ID!) { deleteForm(id: $id) { id } }", byId);

        List<EventEnvelope> events = KafkaEvents.consume(bootstrap, bsdTopic, id, 3, Duration.ofSeconds(60));

        assertEquals(List.of(BsddEvents.UPSERTED, BsddEvents.UPSERTED, BsddEvents.DELETED),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(EventEnvelope::version).toList());
        assertEquals(List.of("DRAFT", "SEALED", "SEALED"),
                events.stream().map(e -> e.payload().get("status").asText()).toList());
        assertTrue(events.get(2).payload().get("isDeleted").asBoolean());
        TreeSet<String> declared = StatePayloads.schemaPaths(BsddEvents.SCHEMA_RESOURCE);
        TreeSet<String> required = StatePayloads.propertiesAndRequired(BsddEvents.SCHEMA_RESOURCE).get(1);
        for (EventEnvelope event : events) {
            assertEquals(BsddEvents.AGGREGATE_TYPE, event.aggregateType());
            assertEquals(event.version(), event.payload().get("version").asLong());
            TreeSet<String> emitted = StatePayloads.payloadPaths(event.payload());
            TreeSet<String> undeclared = new TreeSet<>(emitted);
            undeclared.removeAll(declared);
            assertEquals(new TreeSet<>(), undeclared, "fields emitted but not in bsdd-state.v1.json");
            List<String> top = new ArrayList<>();
            event.payload().fieldNames().forEachRemaining(top::add);
            assertTrue(top.containsAll(required), "every required field is present");
        }
    }

}
