package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.model.BsffStatus;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable.Branch;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable.Guard;

import static fr.wastetrace.bsd.bsff.model.BsffStatus.*;
import static fr.wastetrace.bsd.core.lifecycle.TransitionTable.Branch.otherwise;
import static fr.wastetrace.bsd.core.lifecycle.TransitionTable.Branch.when;

/**
 * The BSFF lifecycle (reference signBsff.ts and compat.ts): the first three signatures move the BSFF along a fixed
 * path; acceptation and operation, signed per container, recompute the status from the containers
 * ({@link BsffFacts}), and a final operation on a follow-up BSFF recomputes the BSFFs upstream
 * ({@link Event#DOWNSTREAM_OPERATION}). Drafts are not signed at all (checked before the table).
 */
public final class BsffLifecycle {
    /** What moves a BSFF: its signatures, and the processing of its containers on a follow-up BSFF. */
    public enum Event { EMISSION, TRANSPORT, RECEPTION, ACCEPTATION, OPERATION, DOWNSTREAM_OPERATION }

    static final Guard<BsffFacts> ALL_REFUSED = new Guard<>("every container refused", BsffFacts::allRefused);
    static final Guard<BsffFacts> ALL_PROCESSED = new Guard<>("every container refused or finally processed",
            BsffFacts::allProcessed);
    static final Guard<BsffFacts> ALL_PROCESSED_OR_INTERMEDIATELY = new Guard<>(
            "every container refused, finally or intermediately processed", BsffFacts::allProcessedOrIntermediately);
    static final Guard<BsffFacts> ALL_ACCEPTED = new Guard<>("every container accepted", BsffFacts::allAccepted);
    static final Guard<BsffFacts> ALL_ACCEPTED_OR_REFUSED = new Guard<>("every container accepted or refused",
            BsffFacts::allAcceptedOrRefused);

    public static final TransitionTable<BsffStatus, Event, BsffFacts> TABLE;

    static {
        TransitionTable.Builder<BsffStatus, Event, BsffFacts> b = TransitionTable.builder();
        b.on(INITIAL, Event.EMISSION, otherwise(SIGNED_BY_EMITTER))
                .on(SIGNED_BY_EMITTER, Event.TRANSPORT, otherwise(SENT))
                .on(SENT, Event.TRANSPORT, otherwise(SENT))
                .on(SENT, Event.RECEPTION, otherwise(RECEIVED))
                .on(RECEIVED, Event.ACCEPTATION, recomputed(RECEIVED));
        for (BsffStatus from : new BsffStatus[]{RECEIVED, ACCEPTED, PARTIALLY_REFUSED, INTERMEDIATELY_PROCESSED}) {
            b.on(from, Event.OPERATION, recomputed(from));
        }
        b.on(INTERMEDIATELY_PROCESSED, Event.DOWNSTREAM_OPERATION, when(ALL_PROCESSED, PROCESSED),
                otherwise(INTERMEDIATELY_PROCESSED));
        TABLE = b.build();
    }

    /** The status the containers give, in this order; {@code unchanged} when none applies yet. */
    @SuppressWarnings("unchecked")
    private static Branch<BsffStatus, BsffFacts>[] recomputed(BsffStatus unchanged) {
        return new Branch[]{
                when(ALL_REFUSED, REFUSED),
                when(ALL_PROCESSED, PROCESSED),
                when(ALL_PROCESSED_OR_INTERMEDIATELY, INTERMEDIATELY_PROCESSED),
                when(ALL_ACCEPTED, ACCEPTED),
                when(ALL_ACCEPTED_OR_REFUSED, PARTIALLY_REFUSED),
                otherwise(unchanged)};
    }

    private BsffLifecycle() {
    }
}
