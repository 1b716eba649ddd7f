package fr.wastetrace.bsd.bspaoh.model;

/** A packaging of anatomical parts. */
public enum BspaohPackagingType {
    RELIQUAIRE, LITTLE_BOX, BIG_BOX
}
