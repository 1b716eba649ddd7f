package fr.wastetrace.graphql;

import org.eclipse.microprofile.graphql.Enum;

/** The destination's answer at reception. */
@Enum("WasteAcceptationStatus")
public enum WasteAcceptationStatus {
    ACCEPTED, REFUSED, PARTIALLY_REFUSED
}
