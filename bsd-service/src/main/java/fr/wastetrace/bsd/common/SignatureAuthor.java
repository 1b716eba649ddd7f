package fr.wastetrace.bsd.common;

/** Who signs the emission in the deprecated {@code signedByTransporter}. */
public enum SignatureAuthor {
    EMITTER, ECO_ORGANISME
}
