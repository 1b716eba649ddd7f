package fr.wastetrace.events.bsd;

/**
 * The BSFF events bsd-service publishes on {@code wastetrace.bsd.events} (key = BSFF id). Their payload is the full
 * state of the BSFF with the field names and nesting of the GraphQL {@code Bsff} type (transporters in their order,
 * each container with its acceptation, its operation and the ids of the containers it takes over), plus
 * {@code version} and {@code isDeleted} (schema {@code schemas/bsff-state.v1.json}, evolved by additions only).
 */
public final class BsffEvents {
    /** The BSFF was created or changed; the payload is its state after the change. */
    public static final String UPSERTED = "bsff.upserted";
    /** The BSFF was deleted; the payload is its last state, with {@code isDeleted = true}. */
    public static final String DELETED = "bsff.deleted";
    public static final String AGGREGATE_TYPE = "bsff";
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_RESOURCE = "/schemas/bsff-state.v1.json";

    private BsffEvents() {
    }
}
