package fr.wastetrace.events.bsd;

/**
 * The BSDASRI events bsd-service publishes on {@code wastetrace.bsd.events} (key = BSDASRI id). Their payload is the full
 * state of the BSDASRI with the field names and nesting of the GraphQL {@code Bsdasri} type (its single transporter,
 * {@code grouping} and {@code synthesizing} as {@code InitialBsdasri} lists), plus {@code version}, {@code isDeleted}
 * and {@code groupedInId} / {@code synthesizedInId} (schema {@code schemas/bsdasri-state.v1.json}, evolved by
 * additions only).
 */
public final class BsdasriEvents {
    /** The BSDASRI was created or changed; the payload is its state after the change. */
    public static final String UPSERTED = "bsdasri.upserted";
    /** The BSDASRI was deleted; the payload is its last state, with {@code isDeleted = true}. */
    public static final String DELETED = "bsdasri.deleted";
    public static final String AGGREGATE_TYPE = "bsdasri";
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_RESOURCE = "/schemas/bsdasri-state.v1.json";

    private BsdasriEvents() {
    }
}
