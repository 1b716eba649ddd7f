package fr.wastetrace.bsd.common;

/** How a transporter moves the waste. */
public enum TransportMode {
    ROAD, RAIL, AIR, RIVER, SEA, OTHER, UNKNOWN
}
