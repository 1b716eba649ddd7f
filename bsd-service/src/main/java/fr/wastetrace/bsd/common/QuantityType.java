package fr.wastetrace.bsd.common;

/** Whether a quantity was weighed or estimated. */
public enum QuantityType {
    REAL, ESTIMATED
}
