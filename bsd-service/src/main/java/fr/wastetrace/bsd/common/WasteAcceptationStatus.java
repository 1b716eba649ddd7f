package fr.wastetrace.bsd.common;

/** The destination's answer at reception. */
public enum WasteAcceptationStatus {
    ACCEPTED, REFUSED, PARTIALLY_REFUSED
}
