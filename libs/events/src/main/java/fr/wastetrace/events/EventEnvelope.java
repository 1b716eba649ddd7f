package fr.wastetrace.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope of every event published on the platform's topics (schema: {@code schemas/event-envelope.v1.json}).
 *
 * <p>Events carry the full state a consumer needs (event-carried state transfer). {@code version} grows
 * monotonically per aggregate, so that a consumer can ignore a repeated or older event.
 *
 * @param id            unique id of this event (deduplication)
 * @param type          what happened, e.g. {@code bsdd.updated}
 * @param aggregateType the kind of aggregate, e.g. {@code bsdd}, {@code company}
 * @param aggregateId   the aggregate's id; also the Kafka record key
 * @param version       the aggregate's version after the change
 * @param occurredAt    commit time of the change
 * @param schemaVersion version of the payload's schema for this {@code type}
 * @param payload       the aggregate's state (or the event's data), as JSON
 */
public record EventEnvelope(
        UUID id,
        String type,
        String aggregateType,
        String aggregateId,
        long version,
        Instant occurredAt,
        int schemaVersion,
        JsonNode payload) {

    public static final int ENVELOPE_VERSION = 1;

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        requireText(type, "type");
        requireText(aggregateType, "aggregateType");
        requireText(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
