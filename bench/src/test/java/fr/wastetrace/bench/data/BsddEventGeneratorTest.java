package fr.wastetrace.bench.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.bsd.BsddEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BsddEventGeneratorTest {
    private static final ReferenceData REFERENCE = new ReferenceData(
            List.of(new ReferenceData.WasteCode("06 05 02*", "boues \"contenant\" des substances dangereuses")),
            List.of(new ReferenceData.Operation("D 10", List.of("ELIMINATION"))), List.of("FUT"));

    private static EventEnvelope event(long version, String status) {
        ObjectNode payload = EventCodec.mapper().createObjectNode();
        payload.put("id", "form-1").put("readableId", "BSD-20261127-AAAAAAAAA").put("status", status).put("version", version);
        payload.putObject("wasteDetails").put("code", "01 01 01").put("name", "Boues").put("quantity", 1.5);
        payload.put("quantityReceived", status.equals("DRAFT") ? null : 1.5);
        payload.putArray("transporters").addObject().put("formId", "form-1");
        return new EventEnvelope(UUID.randomUUID(), BsddEvents.UPSERTED, BsddEvents.AGGREGATE_TYPE, "form-1", version,
                Instant.parse("2026-11-27T10:00:00Z"), BsddEvents.SCHEMA_VERSION, payload);
    }

    @Test
    void copiesEveryVersionOfTheTemplateFormUnderANewIdentity() {
        BsddEventGenerator generator = new BsddEventGenerator(List.of(event(1, "DRAFT"), event(2, "SEALED")), REFERENCE);

        BsddEventGenerator.FormEvents form = generator.next(7);
        List<EventEnvelope> events = form.values().stream().map(EventCodec::decode).toList();

        assertEquals(2, events.size());
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            assertEquals(form.formId(), event.aggregateId());
            assertEquals(i + 1, event.version());
            assertEquals(form.formId(), event.payload().path("id").asText());
            assertEquals(form.formId(), event.payload().path("transporters").path(0).path("formId").asText());
            assertEquals("06 05 02*", event.payload().path("wasteDetails").path("code").asText());
            assertEquals("boues \"contenant\" des substances dangereuses", event.payload().path("wasteDetails").path("name").asText());
            assertTrue(event.payload().path("wasteDetails").path("quantity").isNumber());
            assertTrue(event.payload().path("readableId").asText().matches("BSD-\\d{8}-[0-9A-V]{9}"));
        }
        assertEquals("DRAFT", events.get(0).payload().path("status").asText());
        assertTrue(events.get(0).payload().path("quantityReceived").isNull());
        assertEquals(events.get(1).payload().path("wasteDetails").path("quantity").asDouble(),
                events.get(1).payload().path("quantityReceived").asDouble());
        assertNotEquals(events.get(0).id(), events.get(1).id());
    }

    @Test
    void everyFormGetsItsOwnIds() {
        BsddEventGenerator generator = new BsddEventGenerator(List.of(event(1, "DRAFT")), REFERENCE);

        EventEnvelope first = EventCodec.decode(generator.next(1).values().get(0));
        EventEnvelope second = EventCodec.decode(generator.next(2).values().get(0));

        assertNotEquals(first.aggregateId(), second.aggregateId());
        assertNotEquals(first.payload().path("readableId"), second.payload().path("readableId"));
        assertNotEquals(first.id(), second.id());
    }
}
