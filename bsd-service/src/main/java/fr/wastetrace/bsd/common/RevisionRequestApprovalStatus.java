package fr.wastetrace.bsd.common;

/** The state of a revision request (or of one company's approval). */
public enum RevisionRequestApprovalStatus {
    PENDING, ACCEPTED, REFUSED, CANCELED
}
