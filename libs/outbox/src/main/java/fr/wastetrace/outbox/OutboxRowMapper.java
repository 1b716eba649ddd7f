package fr.wastetrace.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Turns a Debezium change event of the {@code outbox_event} table into the platform's {@link EventEnvelope}. */
final class OutboxRowMapper {
    private static final ObjectMapper MAPPER = EventCodec.mapper();

    private OutboxRowMapper() {
    }

    /**
     * The envelope carried by an insert (or snapshot read) of an outbox row; empty for deletes (the retention purge)
     * and tombstones, which carry no event.
     */
    static Optional<EventEnvelope> toEnvelope(String debeziumValue) {
        return toRow(debeziumValue).map(Row::event);
    }

    /** An outbox row: its event, and the trace context of the request that wrote it (null for older rows). */
    record Row(EventEnvelope event, String traceParent) {
    }

    /** Like {@link #toEnvelope}, with the row's {@code trace_parent}. */
    static Optional<Row> toRow(String debeziumValue) {
        if (debeziumValue == null) {
            return Optional.empty();
        }
        JsonNode change;
        try {
            change = MAPPER.readTree(debeziumValue);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable change event", e);
        }
        String op = change.path("op").asText();
        if (!op.equals("c") && !op.equals("r")) {
            return Optional.empty();
        }
        JsonNode row = change.path("after");
        if (!row.isObject()) {
            throw new IllegalArgumentException("change event without row data");
        }
        JsonNode payload;
        try {
            JsonNode raw = row.path("payload");
            payload = raw.isTextual() ? MAPPER.readTree(raw.asText()) : raw;
        } catch (IOException e) {
            throw new IllegalArgumentException("outbox payload is not JSON", e);
        }
        JsonNode traceParent = row.path("trace_parent");
        return Optional.of(new Row(new EventEnvelope(
                UUID.fromString(row.path("id").asText()),
                row.path("type").asText(),
                row.path("aggregate_type").asText(),
                row.path("aggregate_id").asText(),
                row.path("version").asLong(),
                Instant.parse(row.path("occurred_at").asText()),
                row.path("schema_version").asInt(),
                payload), traceParent.isTextual() ? traceParent.asText() : null));
    }
}
