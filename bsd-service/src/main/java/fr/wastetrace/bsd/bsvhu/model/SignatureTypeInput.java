package fr.wastetrace.bsd.bsvhu.model;

/** The signature steps of a BSVHU (the contract's generic name). */
public enum SignatureTypeInput {
    EMISSION, TRANSPORT, RECEPTION, OPERATION
}
