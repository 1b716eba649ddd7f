package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.Enum;

@Enum("BsdSubType")
public enum BsdSubType {
    INITIAL, TOURNEE, APPENDIX1, APPENDIX2, TEMP_STORED, COLLECTION_2710, GATHERING, GROUPEMENT, RECONDITIONNEMENT,
    RESHIPMENT, SYNTHESIS
}
