package fr.wastetrace.graphql;

import org.eclipse.microprofile.graphql.Enum;

/** The mode of a processing operation. */
@Enum("OperationMode")
public enum OperationMode {
    REUTILISATION, RECYCLAGE, VALORISATION_ENERGETIQUE, AUTRES_VALORISATIONS, ELIMINATION, UNKNOWN
}
