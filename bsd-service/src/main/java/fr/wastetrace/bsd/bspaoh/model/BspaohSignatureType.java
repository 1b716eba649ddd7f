package fr.wastetrace.bsd.bspaoh.model;

/** The signatures of a BSPAOH; DELIVERY is the hand-over at the crematorium. */
public enum BspaohSignatureType {
    EMISSION, TRANSPORT, DELIVERY, RECEPTION, OPERATION
}
