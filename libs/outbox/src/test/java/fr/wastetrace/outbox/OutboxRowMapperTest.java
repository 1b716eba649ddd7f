package fr.wastetrace.outbox;

import fr.wastetrace.events.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxRowMapperTest {
    private static final String ID = "7d7e1a44-2b8e-4c3a-9a57-0c6f3f1f2b10";

    private static String change(String op, String after) {
        return "{\"before\":null,\"after\":" + after + ",\"source\":{\"db\":\"bsd\"},\"op\":\"" + op + "\",\"ts_ms\":1}";
    }

    private static String row(String payload) {
        return "{\"id\":\"" + ID + "\",\"type\":\"bsdd.sealed\",\"aggregate_type\":\"bsdd\",\"aggregate_id\":\"f1\","
                + "\"version\":4,\"schema_version\":1,\"occurred_at\":\"2026-11-27T10:15:30.123456Z\",\"payload\":" + payload + "}";
    }

    @Test
    void theRowsTraceContextComesWithItsEvent() {
        String traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String traced = row("{\"status\":\"SEALED\"}").replace("\"payload\":", "\"trace_parent\":\"" + traceParent + "\",\"payload\":");
        OutboxRowMapper.Row row = OutboxRowMapper.toRow(change("c", traced)).orElseThrow();
        assertEquals(traceParent, row.traceParent());
        assertEquals("f1", row.event().aggregateId());
        // Rows written before the column existed, or outside any trace.
        assertEquals(null, OutboxRowMapper.toRow(change("c", row("{\"status\":\"SEALED\"}"))).orElseThrow().traceParent());
        assertEquals(null, OutboxRowMapper.toRow(change("c", traced.replace("\"" + traceParent + "\"", "null")))
                .orElseThrow().traceParent());
    }

    @Test
    void insertBecomesEnvelope() {
        EventEnvelope event = OutboxRowMapper.toEnvelope(change("c", row("\"{\\\"status\\\":\\\"SEALED\\\"}\""))).orElseThrow();
        assertEquals(UUID.fromString(ID), event.id());
        assertEquals("bsdd.sealed", event.type());
        assertEquals("bsdd", event.aggregateType());
        assertEquals("f1", event.aggregateId());
        assertEquals(4, event.version());
        assertEquals(1, event.schemaVersion());
        assertEquals(Instant.parse("2026-11-27T10:15:30.123456Z"), event.occurredAt());
        assertEquals("SEALED", event.payload().get("status").asText());
    }

    @Test
    void snapshotReadBecomesEnvelope() {
        assertTrue(OutboxRowMapper.toEnvelope(change("r", row("{\"status\":\"DRAFT\"}"))).isPresent());
    }

    @Test
    void deletesHeartbeatsAndTombstonesCarryNoEvent() {
        assertTrue(OutboxRowMapper.toEnvelope(change("d", "null")).isEmpty());
        assertTrue(OutboxRowMapper.toEnvelope("{\"ts_ms\":1700000000000}").isEmpty());
        // the relay's own heartbeat: a logical decoding message (op "m"), no row
        assertTrue(OutboxRowMapper.toEnvelope("{\"op\":\"m\",\"ts_ms\":1700000000000,\"message\":{\"prefix\":"
                + "\"wastetrace-outbox-heartbeat\",\"content\":\"\"}}").isEmpty());
        assertTrue(OutboxRowMapper.toEnvelope(null).isEmpty());
    }

    @Test
    void malformedRowsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> OutboxRowMapper.toEnvelope("{"));
        assertThrows(IllegalArgumentException.class, () -> OutboxRowMapper.toEnvelope(change("c", "null")));
        assertThrows(IllegalArgumentException.class,
                () -> OutboxRowMapper.toEnvelope(change("c", row("\"not json {\""))));
    }
}
