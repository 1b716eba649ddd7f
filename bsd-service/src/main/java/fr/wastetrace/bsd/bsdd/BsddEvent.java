package fr.wastetrace.bsd.bsdd;

/** What can happen to a BSDD: the events of its transition table ({@link BsddLifecycle}). */
public enum BsddEvent {
    /** markAsSealed. */
    SEAL,
    /** The platform signs the emission for a private individual or a foreign ship, right after sealing. */
    AUTO_SIGN_EMISSION,
    /** signEmissionForm. */
    SIGN_EMISSION,
    /** signTransportForm. */
    SIGN_TRANSPORT,
    /** signedByTransporter (deprecated): emission and transport signed together with the emitter's code. */
    SIGN_BY_TRANSPORTER,
    /** markAsReceived. */
    RECEIVE,
    /** markAsAccepted. */
    ACCEPT,
    /** markAsTempStored. */
    TEMP_STORE,
    /** markAsTempStorerAccepted. */
    ACCEPT_AT_TEMP_STORAGE,
    /** markAsResealed. */
    RESEAL,
    /** markAsResent (deprecated). */
    RESEND,
    /** markAsProcessed. */
    PROCESS,
    /** importPaperForm on a sealed BSDD. */
    IMPORT_PAPER,
    /** The first appendix-1 item taken over moves its container. */
    CONTAINER_ITEM_TAKEN_OVER,
    /** Appendix-2 recomputation: fully allotted to non-draft grouping BSDDs. */
    GROUP,
    /** Appendix-2 recomputation: a grouping BSDD was deleted or refused, or its allotment reduced. */
    UNGROUP,
    /** Appendix-2 recomputation: every grouping BSDD was processed. */
    GROUPED_PROCESSED,
    /** An approved revision cancels the BSDD. */
    CANCEL,
    /** An approved revision changes the operation done on a processed BSDD. */
    REVISE_OPERATION
}
