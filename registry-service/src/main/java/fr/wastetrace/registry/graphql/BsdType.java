package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.Enum;

@Enum("BsdType")
public enum BsdType {
    BSDD, BSDA, BSDASRI, BSFF, BSPAOH, BSVHU
}
