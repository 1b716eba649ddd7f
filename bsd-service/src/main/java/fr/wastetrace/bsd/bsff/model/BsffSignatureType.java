package fr.wastetrace.bsd.bsff.model;

/** The signatures of a BSFF; ACCEPTATION and OPERATION may apply to one container. */
public enum BsffSignatureType {
    EMISSION, TRANSPORT, RECEPTION, ACCEPTATION, OPERATION
}
