package fr.wastetrace.bsd.bsvhu.model;

/** The statuses of a BSVHU (its lifecycle: BsvhuLifecycle). */
public enum BsvhuStatus {
    INITIAL, SIGNED_BY_PRODUCER, SENT, RECEIVED, PROCESSED, REFUSED
}
