package fr.wastetrace.bsd.core.search;

/** An order. */
public enum OrderType {
    ASC, DESC
}
