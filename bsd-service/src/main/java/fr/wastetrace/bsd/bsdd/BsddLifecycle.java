package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.core.action.SignatureSteps;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable.Guard;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static fr.wastetrace.bsd.bsdd.BsddEvent.*;
import static fr.wastetrace.bsd.bsdd.model.FormStatus.*;
import static fr.wastetrace.bsd.core.lifecycle.TransitionTable.Branch.otherwise;
import static fr.wastetrace.bsd.core.lifecycle.TransitionTable.Branch.when;

/** The BSDD lifecycle (spec bsdd.md §2.2): every status change of a BSDD goes through this table. */
public final class BsddLifecycle {

    static final Guard<BsddFacts> REFUSED_AT_RECEPTION =
            new Guard<>("refused", f -> f.acceptation() == WasteAcceptationStatus.REFUSED);
    static final Guard<BsddFacts> ACCEPTED_AT_RECEPTION = new Guard<>("accepted or partially refused",
            f -> f.acceptation() == WasteAcceptationStatus.ACCEPTED
                    || f.acceptation() == WasteAcceptationStatus.PARTIALLY_REFUSED);
    static final Guard<BsddFacts> DIRECT_SUPPLY = new Guard<>("direct supply", BsddFacts::directSupply);
    static final Guard<BsddFacts> EMITTER_SIGNS_AUTOMATICALLY =
            new Guard<>("private individual or foreign ship", BsddFacts::emitterSignsAutomatically);
    static final Guard<BsddFacts> EMISSION_SIGNATURE_SKIPPABLE =
            new Guard<>("emission signature skippable", BsddFacts::emissionSignatureSkippable);
    static final Guard<BsddFacts> TRACEABILITY_BREAK = new Guard<>("traceability break", BsddFacts::noTraceability);
    static final Guard<BsddFacts> GROUPING_TO_FOREIGN_DESTINATION = new Guard<>("grouping code, foreign next destination",
            f -> f.groupingOperation() && f.foreignNextDestination());
    static final Guard<BsddFacts> GROUPING_NOT_ITEM = new Guard<>("grouping code, not an appendix-1 item",
            f -> f.groupingOperation() && !f.appendix1Item());
    static final Guard<BsddFacts> GROUPING_DOMESTIC_NOT_ITEM = new Guard<>(
            "grouping code, next destination in France, not an appendix-1 item",
            f -> f.groupingOperation() && !f.foreignNextDestination() && !f.appendix1Item());
    static final Guard<BsddFacts> TRANSPORTERS_LEFT_TO_SIGN =
            new Guard<>("a transporter has not signed yet", f -> f.transportersLeftToSign() > 0);

    private static final TransitionTable<FormStatus, BsddEvent, BsddFacts> TABLE =
            TransitionTable.<FormStatus, BsddEvent, BsddFacts>builder()
                    .on(DRAFT, SEAL, otherwise(SEALED))
                    .on(SEALED, AUTO_SIGN_EMISSION, when(EMITTER_SIGNS_AUTOMATICALLY, SIGNED_BY_PRODUCER))
                    .on(SEALED, SIGN_EMISSION, when(DIRECT_SUPPLY, SENT), otherwise(SIGNED_BY_PRODUCER))
                    .on(RESEALED, SIGN_EMISSION, otherwise(SIGNED_BY_TEMP_STORER))
                    .on(SEALED, SIGN_TRANSPORT, when(EMISSION_SIGNATURE_SKIPPABLE, SENT))
                    .on(SIGNED_BY_PRODUCER, SIGN_TRANSPORT, otherwise(SENT))
                    .on(SENT, SIGN_TRANSPORT, when(TRANSPORTERS_LEFT_TO_SIGN, SENT))
                    .on(SIGNED_BY_TEMP_STORER, SIGN_TRANSPORT, otherwise(RESENT))
                    .on(EnumSet.of(SEALED, SIGNED_BY_PRODUCER), SIGN_BY_TRANSPORTER, otherwise(SENT))
                    .on(RESEALED, SIGN_BY_TRANSPORTER, otherwise(RESENT))
                    .on(SEALED, CONTAINER_ITEM_TAKEN_OVER, otherwise(SENT))
                    .on(EnumSet.of(SENT, RESENT), RECEIVE, when(REFUSED_AT_RECEPTION, REFUSED),
                            when(ACCEPTED_AT_RECEPTION, ACCEPTED), otherwise(RECEIVED))
                    .on(SENT, TEMP_STORE, when(REFUSED_AT_RECEPTION, REFUSED),
                            when(ACCEPTED_AT_RECEPTION, TEMP_STORER_ACCEPTED), otherwise(TEMP_STORED))
                    .on(RECEIVED, ACCEPT, when(REFUSED_AT_RECEPTION, REFUSED), otherwise(ACCEPTED))
                    .on(TEMP_STORED, ACCEPT_AT_TEMP_STORAGE, when(REFUSED_AT_RECEPTION, REFUSED),
                            otherwise(TEMP_STORER_ACCEPTED))
                    .on(EnumSet.of(TEMP_STORER_ACCEPTED, ACCEPTED, RESEALED), RESEAL, otherwise(RESEALED))
                    .on(EnumSet.of(TEMP_STORER_ACCEPTED, RESEALED), RESEND, otherwise(RESENT))
                    .on(EnumSet.of(ACCEPTED, TEMP_STORER_ACCEPTED), PROCESS, when(TRACEABILITY_BREAK, NO_TRACEABILITY),
                            when(GROUPING_TO_FOREIGN_DESTINATION, FOLLOWED_WITH_PNTTD),
                            when(GROUPING_NOT_ITEM, AWAITING_GROUP), otherwise(PROCESSED))
                    .on(SEALED, IMPORT_PAPER, when(TRACEABILITY_BREAK, NO_TRACEABILITY),
                            when(GROUPING_DOMESTIC_NOT_ITEM, AWAITING_GROUP), otherwise(PROCESSED))
                    .on(AWAITING_GROUP, GROUP, otherwise(GROUPED))
                    .on(GROUPED, UNGROUP, otherwise(AWAITING_GROUP))
                    .on(EnumSet.of(AWAITING_GROUP, GROUPED), GROUPED_PROCESSED, otherwise(PROCESSED))
                    .on(EnumSet.of(SIGNED_BY_PRODUCER, SENT, TEMP_STORED, TEMP_STORER_ACCEPTED, RESEALED,
                            SIGNED_BY_TEMP_STORER, RESENT), CANCEL, otherwise(CANCELED))
                    .on(EnumSet.of(PROCESSED, AWAITING_GROUP), REVISE_OPERATION,
                            when(GROUPING_NOT_ITEM, AWAITING_GROUP), otherwise(PROCESSED))
                    .on(NO_TRACEABILITY, REVISE_OPERATION, when(GROUPING_NOT_ITEM, NO_TRACEABILITY), otherwise(PROCESSED))
                    .build();

    private BsddLifecycle() {
    }

    public static Optional<FormStatus> next(FormStatus from, BsddEvent event, BsddFacts facts) {
        return TABLE.next(from, event, facts);
    }

    /** Whether {@code event} may happen in status {@code from} (a row of the table, whatever its guards say). */
    public static boolean allows(FormStatus from, BsddEvent event) {
        return TABLE.allows(from, event);
    }

    /** The statuses from which the table has a move for one of {@code steps}' events. */
    static Set<String> statusesAllowingAny(SignatureSteps<?, BsddEvent> steps) {
        return steps.signableStatuses(TABLE);
    }

    // ---------------------------------------------------------------- status rules outside the transitions
    // Every rule that looks at a BSDD's status without changing it is named here, beside the table it follows.

    /** Statuses in which {@code updateForm} may still change a BSDD (what it may change is {@link BsddLocks}'). */
    private static final Set<FormStatus> EDITABLE = EnumSet.of(DRAFT, SEALED, SIGNED_BY_PRODUCER, SENT, RECEIVED,
            ACCEPTED, TEMP_STORED, TEMP_STORER_ACCEPTED, RESEALED, SIGNED_BY_TEMP_STORER, RESENT);
    /** On the road, for a road control: towards the destination or, after a temporary storage, onwards. */
    private static final Set<FormStatus> ON_THE_ROAD = EnumSet.of(SENT, RESENT);

    /** A draft: visible only to its creator's companies, validated as a draft, listed by its creation date. */
    public static boolean isDraft(FormStatus status) {
        return status == DRAFT;
    }

    /** Cancelled through a revision: nothing more may happen to it. */
    public static boolean isCanceled(FormStatus status) {
        return status == CANCELED;
    }

    public static boolean isEditable(FormStatus status) {
        return EDITABLE.contains(status);
    }

    /** Nobody has signed yet (draft or sealed): every field may still change. */
    public static boolean beforeAnySignature(FormStatus status) {
        return status == DRAFT || status == SEALED;
    }

    /** The emitter signed and the waste is not taken over yet: the emitter's identity is locked. */
    public static boolean signedByEmitterOnly(FormStatus status) {
        return status == SIGNED_BY_PRODUCER;
    }

    /** Sealed, the emitter has not signed: a transport signature here skips the producer's (appendix 1, §2.8). */
    public static boolean awaitsEmitterSignature(FormStatus status) {
        return status == SEALED;
    }

    /** The temporary storage's suite was completed and waits for the storer's emission signature. */
    public static boolean awaitsSuiteEmission(FormStatus status) {
        return status == RESEALED;
    }

    /** The temporary storer signed the suite: the next transport signature is the suite's transporter's. */
    public static boolean awaitsSuiteTransport(FormStatus status) {
        return status == SIGNED_BY_TEMP_STORER;
    }

    /** The waste travels towards its first destination (the current transporter may change the next segment). */
    public static boolean towardsFirstDestination(FormStatus status) {
        return status == SENT;
    }

    /** The waste left the temporary storage towards the final destination. */
    public static boolean sentOnFromTemporaryStorage(FormStatus status) {
        return status == RESENT;
    }

    public static boolean onTheRoad(FormStatus status) {
        return ON_THE_ROAD.contains(status);
    }

    /** Accepted at the temporary storage, before the suite: processing now is the storer's anticipated processing. */
    public static boolean acceptedAtTemporaryStorage(FormStatus status) {
        return status == TEMP_STORER_ACCEPTED;
    }

    /** Waiting for its (next) pick-up: the first transporter's plate and free text may still change. */
    public static boolean awaitsPickUp(FormStatus status) {
        return status == SEALED || status == RESEALED || status == SIGNED_BY_PRODUCER;
    }

    /** Not signed yet: an appendix-1 item may still join a round. */
    public static boolean mayJoinRound(FormStatus status) {
        return beforeAnySignature(status);
    }

    /** Refused by its destination: it takes no part in a grouping. */
    public static boolean isRefused(FormStatus status) {
        return status == REFUSED;
    }
}
