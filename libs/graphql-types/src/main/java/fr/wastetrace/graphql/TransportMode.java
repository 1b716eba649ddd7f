package fr.wastetrace.graphql;

import org.eclipse.microprofile.graphql.Enum;

/** How a transporter moves the waste; {@code OTHER} is deprecated, as in the reference. */
@Enum("TransportMode")
public enum TransportMode {
    ROAD, RAIL, AIR, RIVER, SEA,
    @Deprecated
    OTHER,
    UNKNOWN
}
