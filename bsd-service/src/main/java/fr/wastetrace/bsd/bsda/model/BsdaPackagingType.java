package fr.wastetrace.bsd.bsda.model;

import org.eclipse.microprofile.graphql.Enum;

/** The BSDA packaging types. */
@Enum("BsdaPackagingType")
public enum BsdaPackagingType {
    BIG_BAG, CONTENEUR_BAG, DEPOT_BAG, OTHER, PALETTE_FILME, SAC_RENFORCE
}
