package fr.wastetrace.bsd.bsdd.model;

/** Packaging types of a BSDD; {@code PIPELINE} is deprecated and turned into {@code isDirectSupply}. */
public enum Packagings {
    FUT, GRV, CITERNE, BENNE, AUTRE,
    @Deprecated
    PIPELINE
}
