package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.bsda.BsdaLifecycle.Event;
import fr.wastetrace.bsd.bsda.BsdaLifecycle.Facts;
import fr.wastetrace.bsd.bsda.model.BsdaStatus;
import fr.wastetrace.bsd.bsda.model.BsdaType;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static fr.wastetrace.bsd.bsda.model.BsdaStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every (status, event, facts) combination of the BSDA table, allowed or not, against the spec's table
 * (other-bsds.md, "BSDA", from the reference machine.ts), written here independently of the table.
 */
class BsdaLifecycleTest {

    private static List<Facts> allFacts() {
        List<WasteAcceptationStatus> acceptations = new ArrayList<>(Arrays.asList(WasteAcceptationStatus.values()));
        acceptations.add(null);
        List<Facts> all = new ArrayList<>();
        for (BsdaType type : BsdaType.values()) {
            for (boolean privateIndividual : new boolean[]{false, true}) {
                for (boolean workerDisabled : new boolean[]{false, true}) {
                    for (boolean paper : new boolean[]{false, true}) {
                        for (WasteAcceptationStatus a : acceptations) {
                            for (String code : Arrays.asList(null, "R 5", "D 9 F", "R 13", "D 15")) {
                                all.add(new Facts(type, privateIndividual, workerDisabled, paper, a, code));
                            }
                        }
                    }
                }
            }
        }
        return all;
    }

    private static boolean partial(Facts f) {
        return "R 13".equals(f.operationCode()) || "D 15".equals(f.operationCode());
    }

    private static boolean refused(Facts f) {
        return f.acceptation() == WasteAcceptationStatus.REFUSED;
    }

    private static Optional<BsdaStatus> expected(BsdaStatus from, Event event, Facts f) {
        boolean c2710 = f.type() == BsdaType.COLLECTION_2710;
        BsdaStatus to = switch (from) {
            case INITIAL -> switch (event) {
                case EMISSION -> SIGNED_BY_PRODUCER;
                case WORK -> f.privateIndividual() || f.workerPaperSignature() ? SIGNED_BY_WORKER : null;
                case TRANSPORT -> f.privateIndividual() && f.workerDisabled() ? SENT : null;
                case RECEPTION -> !c2710 ? null : partial(f) ? RECEIVED : refused(f) ? REFUSED : RECEIVED;
                case OPERATION -> !c2710 ? null : partial(f) ? AWAITING_CHILD : PROCESSED;
                default -> null;
            };
            case SIGNED_BY_PRODUCER -> switch (event) {
                case WORK -> SIGNED_BY_WORKER;
                case TRANSPORT -> f.type() == BsdaType.GATHERING || f.type() == BsdaType.RESHIPMENT
                        || f.workerDisabled() ? SENT : null;
                case CANCELLATION -> CANCELED;
                default -> null;
            };
            case SIGNED_BY_WORKER -> event == Event.TRANSPORT ? SENT : event == Event.CANCELLATION ? CANCELED : null;
            case SENT -> switch (event) {
                case TRANSPORT -> SENT;
                case RECEPTION -> refused(f) ? REFUSED : RECEIVED;
                case OPERATION -> refused(f) ? REFUSED : partial(f) ? AWAITING_CHILD : PROCESSED;
                case CANCELLATION -> CANCELED;
                default -> null;
            };
            case RECEIVED -> event != Event.OPERATION ? null
                    : refused(f) ? REFUSED : partial(f) ? AWAITING_CHILD : PROCESSED;
            default -> null;
        };
        return Optional.ofNullable(to);
    }

    @Test
    void everyCombinationMovesAsTheSpecSays() {
        int checked = 0;
        for (BsdaStatus from : BsdaStatus.values()) {
            for (Event event : Event.values()) {
                for (Facts f : allFacts()) {
                    assertEquals(expected(from, event, f), BsdaLifecycle.TABLE.next(from, event, f),
                            from + " × " + event + " × " + f);
                    checked++;
                }
            }
        }
        assertTrue(checked > 10_000);
    }

    @Test
    void finalStatusesHaveNoMove() {
        for (BsdaStatus end : List.of(PROCESSED, REFUSED, AWAITING_CHILD, CANCELED)) {
            for (Event event : Event.values()) {
                assertFalse(BsdaLifecycle.TABLE.allows(end, event), end + " × " + event);
            }
        }
    }

    @Test
    void cancellationOnlyBeforeReception() {
        for (BsdaStatus s : BsdaStatus.values()) {
            boolean cancellable = s == SIGNED_BY_PRODUCER || s == SIGNED_BY_WORKER || s == SENT;
            assertEquals(cancellable, BsdaLifecycle.TABLE.allows(s, Event.CANCELLATION), s.name());
        }
    }
}
