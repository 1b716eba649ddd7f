package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.model.BspaohStatus;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable.Guard;

import java.util.EnumSet;

import static fr.wastetrace.bsd.bspaoh.BspaohEvent.*;
import static fr.wastetrace.bsd.bspaoh.model.BspaohStatus.*;
import static fr.wastetrace.bsd.core.lifecycle.TransitionTable.Branch.otherwise;
import static fr.wastetrace.bsd.core.lifecycle.TransitionTable.Branch.when;

/**
 * The BSPAOH lifecycle (reference machine.ts), plus the publication of a draft, which the reference stores as the
 * status DRAFT. The hand-over at the crematorium (DELIVERY) keeps the BSPAOH SENT and happens once. PROCESSED, REFUSED
 * and CANCELED are final; nothing sets CANCELED (there is no revision of a BSPAOH).
 */
public final class BspaohLifecycle {
    static final Guard<BspaohFacts> WHOLLY_REFUSED = new Guard<>("refused at reception", BspaohFacts::refused);
    static final Guard<BspaohFacts> PARTLY_REFUSED = new Guard<>("partially refused at reception",
            BspaohFacts::partiallyRefused);
    static final Guard<BspaohFacts> NOT_DELIVERED = new Guard<>("hand-over not signed yet", f -> !f.delivered());

    public static final TransitionTable<BspaohStatus, BspaohEvent, BspaohFacts> TABLE =
            TransitionTable.<BspaohStatus, BspaohEvent, BspaohFacts>builder()
                    .on(DRAFT, PUBLISH, otherwise(INITIAL))
                    .on(BspaohStatus.INITIAL, BspaohEvent.EMISSION, otherwise(SIGNED_BY_PRODUCER))
                    .on(SIGNED_BY_PRODUCER, BspaohEvent.TRANSPORT, otherwise(SENT))
                    .on(SENT, DELIVERY, when(NOT_DELIVERED, SENT))
                    .on(SENT, BspaohEvent.RECEPTION, when(WHOLLY_REFUSED, REFUSED),
                            when(PARTLY_REFUSED, PARTIALLY_REFUSED), otherwise(RECEIVED))
                    .on(EnumSet.of(RECEIVED, PARTIALLY_REFUSED), BspaohEvent.OPERATION, otherwise(PROCESSED))
                    .build();

    private BspaohLifecycle() {
    }
}
