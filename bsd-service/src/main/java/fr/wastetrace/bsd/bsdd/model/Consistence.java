package fr.wastetrace.bsd.bsdd.model;

/** Physical state of the waste. */
public enum Consistence {
    SOLID, LIQUID, GASEOUS, DOUGHY
}
