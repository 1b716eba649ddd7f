package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.bsdasri.model.BsdasriStatus;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable.Guard;

import static fr.wastetrace.bsd.bsdasri.model.BsdasriStatus.*;
import static fr.wastetrace.bsd.core.lifecycle.TransitionTable.Branch.otherwise;
import static fr.wastetrace.bsd.core.lifecycle.TransitionTable.Branch.when;

/**
 * The BSDASRI lifecycle (reference workflow/machine.ts): each signature moves the status through this table; an
 * approved cancellation revision moves a SENT BSDASRI to CANCELED. Drafts are not signed at all (checked before).
 */
public final class BsdasriLifecycle {
    /** What moves a BSDASRI: its four signatures, and the approval of a revision that cancels it. */
    public enum Event { EMISSION, TRANSPORT, RECEPTION, OPERATION, CANCELLATION }

    /** The facts the guards read. */
    public record Facts(boolean synthesis, boolean directTakeOverAllowed, WasteAcceptationStatus transporterAcceptation,
                        WasteAcceptationStatus destinationAcceptation, boolean groupingOperationCode) {
    }

    static final Guard<Facts> NOT_SYNTHESIS = new Guard<>("not a synthesis (whose first signature is the transport)",
            f -> !f.synthesis());
    static final Guard<Facts> ACCEPTED_BY_TRANSPORTER = new Guard<>("accepted (fully or partly) by the transporter",
            f -> accepted(f.transporterAcceptation()));
    static final Guard<Facts> REFUSED_BY_TRANSPORTER = new Guard<>("refused by the transporter",
            f -> f.transporterAcceptation() == WasteAcceptationStatus.REFUSED);
    static final Guard<Facts> DIRECT_TAKE_OVER_ACCEPTED = new Guard<>("direct take-over allowed (emitter's setting, "
            + "never on a grouping, always on a synthesis) and accepted by the transporter",
            f -> f.directTakeOverAllowed() && accepted(f.transporterAcceptation()));
    static final Guard<Facts> DIRECT_TAKE_OVER_REFUSED = new Guard<>("direct take-over allowed and refused by the "
            + "transporter", f -> f.directTakeOverAllowed() && f.transporterAcceptation() == WasteAcceptationStatus.REFUSED);
    static final Guard<Facts> ACCEPTED_BY_DESTINATION = new Guard<>("accepted (fully or partly) by the destination",
            f -> accepted(f.destinationAcceptation()));
    static final Guard<Facts> REFUSED_BY_DESTINATION = new Guard<>("refused by the destination",
            f -> f.destinationAcceptation() == WasteAcceptationStatus.REFUSED);
    static final Guard<Facts> GROUPING_CODE = new Guard<>("grouping operation code (D13, R12)",
            Facts::groupingOperationCode);

    public static final TransitionTable<BsdasriStatus, Event, Facts> TABLE =
            TransitionTable.<BsdasriStatus, Event, Facts>builder()
                    .on(INITIAL, Event.EMISSION, when(NOT_SYNTHESIS, SIGNED_BY_PRODUCER))
                    .on(INITIAL, Event.TRANSPORT, when(DIRECT_TAKE_OVER_ACCEPTED, SENT),
                            when(DIRECT_TAKE_OVER_REFUSED, REFUSED))
                    .on(SIGNED_BY_PRODUCER, Event.TRANSPORT, when(ACCEPTED_BY_TRANSPORTER, SENT),
                            when(REFUSED_BY_TRANSPORTER, REFUSED))
                    .on(SENT, Event.RECEPTION, when(ACCEPTED_BY_DESTINATION, RECEIVED),
                            when(REFUSED_BY_DESTINATION, REFUSED))
                    .on(RECEIVED, Event.OPERATION, when(GROUPING_CODE, AWAITING_GROUP), otherwise(PROCESSED))
                    .on(SENT, Event.CANCELLATION, otherwise(CANCELED))
                    .build();

    private static boolean accepted(WasteAcceptationStatus s) {
        return s == WasteAcceptationStatus.ACCEPTED || s == WasteAcceptationStatus.PARTIALLY_REFUSED;
    }

    private BsdasriLifecycle() {
    }
}
