package fr.wastetrace.events.registry;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One change of one register line, in the order registry-service committed it (schema
 * {@code schemas/register-line-change.v1.json}). It is both an item of registry-service's national-registry feed
 * ({@code GET /internal/registry-feed}) and the payload of the events on topic {@code wastetrace.registry.lines}
 * (types {@link #UPSERTED} / {@link #DELETED}, key = {@link #lineKey()}, envelope version = {@code seq}).
 *
 * @param seq        position in registry-service's change log: strictly increasing, in commit order
 * @param changedAt  when the change was committed
 * @param operation  {@code UPSERT} (the line is now {@code line}) or {@code DELETE} (the line left the register)
 * @param register   {@code INCOMING}, {@code OUTGOING}, {@code TRANSPORTED}, {@code MANAGED} or {@code ALL}
 * @param orgId      the company whose register it is (SIRET, or VAT number)
 * @param documentId the line's id: the BSD's readable id (a temporary-storage suite's ends with {@code -suite})
 * @param bsdId      the BSD's id (the key of the BSD events)
 * @param bsdVersion the BSD event version that caused the change
 * @param line       the line's fields, named as the GraphQL type {@code AllWaste}; null for a deletion
 */
public record RegisterLineChange(
        long seq,
        Instant changedAt,
        String operation,
        String register,
        String orgId,
        String documentId,
        String bsdId,
        long bsdVersion,
        JsonNode line) {

    public static final String UPSERTED = "registry.line.upserted";
    public static final String DELETED = "registry.line.deleted";
    public static final String AGGREGATE_TYPE = "registerLine";
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_RESOURCE = "/schemas/register-line-change.v1.json";

    /** The line's identity, also the Kafka key: {@code <register>:<orgId>:<documentId>}. */
    public String lineKey() {
        return register + ":" + orgId + ":" + documentId;
    }
}
