package fr.wastetrace.bsd.bsda.model;

import org.eclipse.microprofile.graphql.Enum;

/** The BSDA's circuit: work-site collection, drop-off at a 2710-1 collection centre, gathering, reshipment. */
@Enum("BsdaType")
public enum BsdaType {
    OTHER_COLLECTIONS, COLLECTION_2710, GATHERING, RESHIPMENT
}
