package fr.wastetrace.bsd.bsda.model;

import org.eclipse.microprofile.graphql.Enum;

/** The BSDA's status (reference machine.ts). */
@Enum("BsdaStatus")
public enum BsdaStatus {
    INITIAL, SIGNED_BY_PRODUCER, SIGNED_BY_WORKER, SENT, RECEIVED, PROCESSED, REFUSED, AWAITING_CHILD, CANCELED
}
