package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.Enum;

@Enum("TransportMode")
public enum TransportMode {
    ROAD, RAIL, AIR, RIVER, SEA,
    @Deprecated
    OTHER,
    UNKNOWN
}
