package fr.wastetrace.bsd.bsdd.model;

/** The state of a revision request (or of one company's approval). */
public enum RevisionRequestStatus {
    PENDING, ACCEPTED, REFUSED
}
