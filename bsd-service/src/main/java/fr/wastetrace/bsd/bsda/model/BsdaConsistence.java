package fr.wastetrace.bsd.bsda.model;

import org.eclipse.microprofile.graphql.Enum;

/** The waste's consistence. */
@Enum("BsdaConsistence")
public enum BsdaConsistence {
    SOLIDE, PULVERULENT, PATEUX, OTHER
}
