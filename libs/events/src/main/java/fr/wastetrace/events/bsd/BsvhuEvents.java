package fr.wastetrace.events.bsd;

/**
 * The BSVHU events bsd-service publishes on {@code wastetrace.bsd.events} (key = BSVHU id). Their payload is the full
 * state of the BSVHU with the field names and nesting of the GraphQL {@code Bsvhu} type (transporters included, in
 * their order), plus {@code version} and {@code isDeleted} (schema {@code schemas/bsvhu-state.v1.json}, evolved by
 * additions only).
 */
public final class BsvhuEvents {
    /** The BSVHU was created or changed; the payload is its state after the change. */
    public static final String UPSERTED = "bsvhu.upserted";
    /** The BSVHU was deleted; the payload is its last state, with {@code isDeleted = true}. */
    public static final String DELETED = "bsvhu.deleted";
    public static final String AGGREGATE_TYPE = "bsvhu";
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_RESOURCE = "/schemas/bsvhu-state.v1.json";

    private BsvhuEvents() {
    }
}
