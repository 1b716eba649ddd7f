package fr.wastetrace.bsd.bsvhu.model;

/** A shredder or another dismantler. */
public enum BsvhuDestinationType {
    BROYEUR, DEMOLISSEUR
}
