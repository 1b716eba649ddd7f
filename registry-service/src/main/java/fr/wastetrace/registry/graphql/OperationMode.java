package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.Enum;

@Enum("OperationMode")
public enum OperationMode {
    REUTILISATION, RECYCLAGE, VALORISATION_ENERGETIQUE, AUTRES_VALORISATIONS, ELIMINATION, UNKNOWN
}
