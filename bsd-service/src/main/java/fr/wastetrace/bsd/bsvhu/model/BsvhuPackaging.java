package fr.wastetrace.bsd.bsvhu.model;

/** Vehicles counted one by one or as lots. */
public enum BsvhuPackaging {
    UNITE, LOT
}
