package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.bsda.model.BsdaStatus;
import fr.wastetrace.bsd.bsda.model.BsdaType;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable.Guard;

import java.util.EnumSet;
import java.util.Set;

import static fr.wastetrace.bsd.bsda.model.BsdaStatus.*;
import static fr.wastetrace.bsd.core.lifecycle.TransitionTable.Branch.otherwise;
import static fr.wastetrace.bsd.core.lifecycle.TransitionTable.Branch.when;

/**
 * The BSDA lifecycle (reference machine.ts): each signature moves the status through this table; an approved
 * cancellation revision moves a signed, not yet received BSDA to CANCELED. Drafts are not signed at all (checked
 * before the table).
 */
public final class BsdaLifecycle {
    /** What moves a BSDA: its five signatures, and the approval of a revision that cancels it. */
    public enum Event { EMISSION, WORK, TRANSPORT, RECEPTION, OPERATION, CANCELLATION }

    /** The operation codes after which the waste awaits a next BSDA (grouping or reshipment). */
    public static final Set<String> PARTIAL_OPERATIONS = Set.of("R 13", "D 15");

    /**
     * The facts the guards read.
     *
     * @param workerPaperSignature the worker declared that the emitter signed on paper
     * @param operationCode        the operation code written by the destination
     */
    public record Facts(BsdaType type, boolean privateIndividual, boolean workerDisabled, boolean workerPaperSignature,
                        WasteAcceptationStatus acceptation, String operationCode) {
        boolean partialOperation() {
            return operationCode != null && PARTIAL_OPERATIONS.contains(operationCode);
        }

        boolean collection2710() {
            return type == BsdaType.COLLECTION_2710;
        }
    }

    static final Guard<Facts> EMISSION_SKIPPED = new Guard<>("private-individual emitter, or emitter's paper signature "
            + "declared by the worker", f -> f.privateIndividual() || f.workerPaperSignature());
    static final Guard<Facts> PRIVATE_INDIVIDUAL_NO_WORKER = new Guard<>("private-individual emitter and no worker",
            f -> f.privateIndividual() && f.workerDisabled());
    static final Guard<Facts> COLLECTION_2710 = new Guard<>("collected by a 2710-1 collection centre",
            Facts::collection2710);
    static final Guard<Facts> COLLECTION_2710_PARTIAL = new Guard<>("collected by a 2710-1 collection centre, partial "
            + "operation code (R 13, D 15)", f -> f.collection2710() && f.partialOperation());
    static final Guard<Facts> COLLECTION_2710_REFUSED = new Guard<>("collected by a 2710-1 collection centre, refused",
            f -> f.collection2710() && f.acceptation() == WasteAcceptationStatus.REFUSED);
    static final Guard<Facts> NO_WORK_STEP = new Guard<>("gathering, reshipment, or no worker",
            f -> f.type() == BsdaType.GATHERING || f.type() == BsdaType.RESHIPMENT || f.workerDisabled());
    static final Guard<Facts> REFUSED_AT_RECEPTION = new Guard<>("refused by the destination",
            f -> f.acceptation() == WasteAcceptationStatus.REFUSED);
    static final Guard<Facts> PARTIAL_OPERATION = new Guard<>("partial operation code (R 13, D 15)",
            Facts::partialOperation);

    public static final TransitionTable<BsdaStatus, Event, Facts> TABLE =
            TransitionTable.<BsdaStatus, Event, Facts>builder()
                    .on(INITIAL, Event.EMISSION, otherwise(SIGNED_BY_PRODUCER))
                    .on(INITIAL, Event.WORK, when(EMISSION_SKIPPED, SIGNED_BY_WORKER))
                    .on(INITIAL, Event.TRANSPORT, when(PRIVATE_INDIVIDUAL_NO_WORKER, SENT))
                    .on(INITIAL, Event.RECEPTION, when(COLLECTION_2710_PARTIAL, RECEIVED),
                            when(COLLECTION_2710_REFUSED, REFUSED), when(COLLECTION_2710, RECEIVED))
                    .on(INITIAL, Event.OPERATION, when(COLLECTION_2710_PARTIAL, AWAITING_CHILD),
                            when(COLLECTION_2710, PROCESSED))
                    .on(SIGNED_BY_PRODUCER, Event.WORK, otherwise(SIGNED_BY_WORKER))
                    .on(SIGNED_BY_PRODUCER, Event.TRANSPORT, when(NO_WORK_STEP, SENT))
                    .on(SIGNED_BY_WORKER, Event.TRANSPORT, otherwise(SENT))
                    .on(SENT, Event.TRANSPORT, otherwise(SENT))
                    .on(SENT, Event.RECEPTION, when(REFUSED_AT_RECEPTION, REFUSED), otherwise(RECEIVED))
                    .on(EnumSet.of(SENT, RECEIVED), Event.OPERATION, when(REFUSED_AT_RECEPTION, REFUSED),
                            when(PARTIAL_OPERATION, AWAITING_CHILD), otherwise(PROCESSED))
                    .on(EnumSet.of(SIGNED_BY_PRODUCER, SIGNED_BY_WORKER, SENT), Event.CANCELLATION,
                            otherwise(CANCELED))
                    .build();

    private BsdaLifecycle() {
    }
}
