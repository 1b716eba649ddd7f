package fr.wastetrace.bsd.common;

/** The mode of a processing operation. */
public enum OperationMode {
    REUTILISATION, RECYCLAGE, VALORISATION_ENERGETIQUE, AUTRES_VALORISATIONS, ELIMINATION, UNKNOWN
}
