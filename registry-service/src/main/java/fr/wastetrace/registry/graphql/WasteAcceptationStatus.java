package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.Enum;

@Enum("WasteAcceptationStatus")
public enum WasteAcceptationStatus {
    ACCEPTED, REFUSED, PARTIALLY_REFUSED
}
