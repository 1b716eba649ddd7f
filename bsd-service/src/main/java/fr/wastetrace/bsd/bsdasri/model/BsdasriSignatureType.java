package fr.wastetrace.bsd.bsdasri.model;

/** The signature steps of a BSDASRI, in order. */
public enum BsdasriSignatureType {
    EMISSION, TRANSPORT, RECEPTION, OPERATION
}
