package fr.wastetrace.bsd.bsdd.model;

/** The contract's {@code FormStatus}: where a BSDD is in its lifecycle (spec bsdd.md §2.1). */
public enum FormStatus {
    DRAFT, SEALED, SIGNED_BY_PRODUCER, SENT, RECEIVED, ACCEPTED, REFUSED, PROCESSED, FOLLOWED_WITH_PNTTD, NO_TRACEABILITY, AWAITING_GROUP, GROUPED, TEMP_STORED, TEMP_STORER_ACCEPTED, RESEALED, SIGNED_BY_TEMP_STORER, RESENT, CANCELED
}
