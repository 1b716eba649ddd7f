package fr.wastetrace.bsd.bsff.model;

/** The statuses of a BSFF (computed from its containers after reception). */
public enum BsffStatus {
    INITIAL, SIGNED_BY_EMITTER, SENT, RECEIVED, ACCEPTED, REFUSED, PARTIALLY_REFUSED, INTERMEDIATELY_PROCESSED, PROCESSED
}
