package fr.wastetrace.bsd.bsdd.model;

/** The role a company plays on a BSDD (filter of {@code forms}). */
public enum FormRole {
    TRANSPORTER, RECIPIENT, EMITTER, TRADER, BROKER, ECO_ORGANISME, INTERMEDIARY
}
