package fr.wastetrace.bsd.bspaoh.model;

/** The crematorium's answer for one packaging. */
public enum BspaohPackagingAcceptationStatus {
    PENDING, ACCEPTED, REFUSED
}
