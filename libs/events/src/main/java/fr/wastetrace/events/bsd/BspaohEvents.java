package fr.wastetrace.events.bsd;

/**
 * The BSPAOH events bsd-service publishes on {@code wastetrace.bsd.events} (key = BSPAOH id). Their payload is the full
 * state of the BSPAOH with the field names and nesting of the GraphQL {@code Bspaoh} type (its single transporter, the
 * acceptation of each packaging), plus {@code version} and {@code isDeleted}; a draft has the status {@code DRAFT}
 * (schema {@code schemas/bspaoh-state.v1.json}, evolved by additions only).
 */
public final class BspaohEvents {
    /** The BSPAOH was created or changed; the payload is its state after the change. */
    public static final String UPSERTED = "bspaoh.upserted";
    /** The BSPAOH was deleted; the payload is its last state, with {@code isDeleted = true}. */
    public static final String DELETED = "bspaoh.deleted";
    public static final String AGGREGATE_TYPE = "bspaoh";
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_RESOURCE = "/schemas/bspaoh-state.v1.json";

    private BspaohEvents() {
    }
}
