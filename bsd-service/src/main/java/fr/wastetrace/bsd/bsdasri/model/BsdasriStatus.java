package fr.wastetrace.bsd.bsdasri.model;

/** The statuses of a BSDASRI (reference machine.ts); CANCELED is reached through an approved revision only. */
public enum BsdasriStatus {
    INITIAL, SIGNED_BY_PRODUCER, SENT, RECEIVED, PROCESSED, REFUSED, AWAITING_GROUP, CANCELED
}
