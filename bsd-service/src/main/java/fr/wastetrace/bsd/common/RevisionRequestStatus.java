package fr.wastetrace.bsd.common;

/** The state of a revision request (or of one company's approval). */
public enum RevisionRequestStatus {
    PENDING, ACCEPTED, REFUSED
}
