package fr.wastetrace.events.bsd;

/**
 * The BSDD events bsd-service publishes on {@code wastetrace.bsd.events} (key = BSDD id). Their payload is the full
 * state of the BSDD with the field names and nesting of the GraphQL {@code Form} type, plus {@code version} and
 * {@code isDeleted} (schema {@code schemas/bsdd-state.v1.json}, evolved by additions only).
 */
public final class BsddEvents {
    /** The BSDD was created or changed; the payload is its state after the change. */
    public static final String UPSERTED = "bsdd.upserted";
    /** The BSDD was deleted; the payload is its last state, with {@code isDeleted = true}. */
    public static final String DELETED = "bsdd.deleted";
    public static final String AGGREGATE_TYPE = "bsdd";
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_RESOURCE = "/schemas/bsdd-state.v1.json";

    private BsddEvents() {
    }
}
