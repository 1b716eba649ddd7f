package fr.wastetrace.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventCodecTest {

    private static EventEnvelope sample() {
        return new EventEnvelope(UUID.randomUUID(), "bsdd.updated", "bsdd", "BSD-20261127-ABCDEFGH1", 3,
                Instant.parse("2026-11-27T10:15:30.123Z"), 1,
                EventCodec.mapper().createObjectNode().put("status", "SEALED"));
    }

    @Test
    void roundTripKeepsEveryField() {
        EventEnvelope event = sample();
        assertEquals(event, EventCodec.decode(EventCodec.encode(event)));
    }

    @Test
    void encodedFieldsAreExactlyTheSchemaProperties() throws Exception {
        JsonNode encoded = EventCodec.mapper().readTree(EventCodec.encode(sample()));
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/event-envelope.v1.json")) {
            schema = EventCodec.mapper().readTree(in);
        }
        Set<String> schemaFields = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(schemaFields::add);
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(n -> required.add(n.asText()));
        Set<String> encodedFields = new HashSet<>();
        encoded.fieldNames().forEachRemaining(encodedFields::add);
        assertEquals(schemaFields, encodedFields, "the checked-in schema drifted from EventEnvelope");
        assertEquals(schemaFields, required);
        assertEquals("2026-11-27T10:15:30.123Z", encoded.get("occurredAt").asText());
    }

    @Test
    void rejectsEnvelopesWithoutAggregateId() {
        String json = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"bsdd.updated\",\"aggregateType\":\"bsdd\","
                + "\"version\":1,\"occurredAt\":\"2026-11-27T10:15:30Z\",\"schemaVersion\":1,\"payload\":{}}";
        assertThrows(EventCodec.MalformedEventException.class, () -> EventCodec.decode(json));
    }

    @Test
    void rejectsGarbage() {
        assertThrows(EventCodec.MalformedEventException.class, () -> EventCodec.decode("not json"));
    }
}
