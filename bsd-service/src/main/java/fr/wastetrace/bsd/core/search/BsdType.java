package fr.wastetrace.bsd.core.search;

import org.eclipse.microprofile.graphql.Enum;

/** The BSD types (the same enum as the registers' one). */
@Enum("BsdType")
public enum BsdType {
    BSDD, BSDA, BSDASRI, BSFF, BSPAOH, BSVHU
}
