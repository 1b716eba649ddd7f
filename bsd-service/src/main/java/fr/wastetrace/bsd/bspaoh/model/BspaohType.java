package fr.wastetrace.bsd.bspaoh.model;

/** Recognisable human anatomical parts, or foetuses. */
public enum BspaohType {
    PAOH, FOETUS
}
