package fr.wastetrace.bsd.core.search;

import org.eclipse.microprofile.graphql.Enum;

/** The BSD sub-types (the same enum as the registers' one). */
@Enum("BsdSubType")
public enum BsdSubType {
    INITIAL, TOURNEE, APPENDIX1, APPENDIX2, TEMP_STORED, COLLECTION_2710, GATHERING, GROUPEMENT, RECONDITIONNEMENT,
    RESHIPMENT, SYNTHESIS
}
