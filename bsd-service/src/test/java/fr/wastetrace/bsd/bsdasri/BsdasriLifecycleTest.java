package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.bsdasri.BsdasriLifecycle.Event;
import fr.wastetrace.bsd.bsdasri.BsdasriLifecycle.Facts;
import fr.wastetrace.bsd.bsdasri.model.BsdasriStatus;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static fr.wastetrace.bsd.bsdasri.model.BsdasriStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every (status, event, facts) combination of the BSDASRI table, allowed or not (reference workflow/machine.ts). */
class BsdasriLifecycleTest {

    private static List<Facts> allFacts() {
        List<WasteAcceptationStatus> acceptations = new ArrayList<>(Arrays.asList(WasteAcceptationStatus.values()));
        acceptations.add(null);
        List<Facts> all = new ArrayList<>();
        for (boolean synthesis : new boolean[]{false, true}) {
            for (boolean takeOver : new boolean[]{false, true}) {
                for (WasteAcceptationStatus transporter : acceptations) {
                    for (WasteAcceptationStatus destination : acceptations) {
                        for (boolean grouping : new boolean[]{false, true}) {
                            all.add(new Facts(synthesis, takeOver, transporter, destination, grouping));
                        }
                    }
                }
            }
        }
        return all;
    }

    private static boolean accepted(WasteAcceptationStatus s) {
        return s == WasteAcceptationStatus.ACCEPTED || s == WasteAcceptationStatus.PARTIALLY_REFUSED;
    }

    private static Optional<BsdasriStatus> byTransporter(WasteAcceptationStatus s) {
        return accepted(s) ? Optional.of(SENT) : s == WasteAcceptationStatus.REFUSED ? Optional.of(REFUSED)
                : Optional.empty();
    }

    private static Optional<BsdasriStatus> expected(BsdasriStatus from, Event event, Facts f) {
        return switch (from) {
            case INITIAL -> switch (event) {
                case EMISSION -> f.synthesis() ? Optional.empty() : Optional.of(SIGNED_BY_PRODUCER);
                case TRANSPORT -> f.directTakeOverAllowed() ? byTransporter(f.transporterAcceptation())
                        : Optional.empty();
                default -> Optional.empty();
            };
            case SIGNED_BY_PRODUCER -> event == Event.TRANSPORT ? byTransporter(f.transporterAcceptation())
                    : Optional.empty();
            case SENT -> switch (event) {
                case RECEPTION -> accepted(f.destinationAcceptation()) ? Optional.of(RECEIVED)
                        : f.destinationAcceptation() == WasteAcceptationStatus.REFUSED ? Optional.of(REFUSED)
                        : Optional.empty();
                case CANCELLATION -> Optional.of(CANCELED);
                default -> Optional.empty();
            };
            case RECEIVED -> event == Event.OPERATION
                    ? Optional.of(f.groupingOperationCode() ? AWAITING_GROUP : PROCESSED) : Optional.empty();
            default -> Optional.empty();
        };
    }

    @Test
    void everyCombinationMovesAsTheReferenceMachine() {
        int checked = 0;
        for (BsdasriStatus from : BsdasriStatus.values()) {
            for (Event event : Event.values()) {
                for (Facts facts : allFacts()) {
                    assertEquals(expected(from, event, facts), BsdasriLifecycle.TABLE.next(from, event, facts),
                            from + " × " + event + " with " + facts);
                    checked++;
                }
            }
        }
        assertEquals(8 * 5 * 2 * 2 * 4 * 4 * 2, checked);
    }

    @Test
    void finalStatusesAllowNothing() {
        for (BsdasriStatus status : List.of(PROCESSED, REFUSED, AWAITING_GROUP, CANCELED)) {
            for (Event event : Event.values()) {
                assertEquals(false, BsdasriLifecycle.TABLE.allows(status, event), status + " " + event);
            }
        }
    }
}
