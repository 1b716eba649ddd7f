package fr.wastetrace.events.bsd;

/**
 * The BSDA events bsd-service publishes on {@code wastetrace.bsd.events} (key = BSDA id). Their payload is the full
 * state of the BSDA with the field names and nesting of the GraphQL {@code Bsda} type (its transporters in order, the
 * BSDAs it groups or forwards as {@code InitialBsda}), plus {@code version}, {@code isDeleted}, {@code groupedInId}
 * and {@code forwardedInId} (schema {@code schemas/bsda-state.v1.json}, evolved by additions only).
 */
public final class BsdaEvents {
    /** The BSDA was created or changed; the payload is its state after the change. */
    public static final String UPSERTED = "bsda.upserted";
    /** The BSDA was deleted; the payload is its last state, with {@code isDeleted = true}. */
    public static final String DELETED = "bsda.deleted";
    public static final String AGGREGATE_TYPE = "bsda";
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_RESOURCE = "/schemas/bsda-state.v1.json";

    private BsdaEvents() {
    }
}
