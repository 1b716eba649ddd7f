package fr.wastetrace.bsd.bspaoh.model;

/** The BSPAOH statuses; a draft is stored as DRAFT and shown as INITIAL with isDraft. */
public enum BspaohStatus {
    DRAFT, INITIAL, SIGNED_BY_PRODUCER, SENT, RECEIVED, PROCESSED, REFUSED, PARTIALLY_REFUSED, CANCELED
}
