package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.model.BspaohStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static fr.wastetrace.bsd.bspaoh.BspaohEvent.*;
import static fr.wastetrace.bsd.bspaoh.model.BspaohStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every (status, event, facts) combination of the BSPAOH table, allowed or not (reference machine.ts + publish). */
class BspaohLifecycleTest {

    private static List<BspaohFacts> allFacts() {
        List<BspaohFacts> all = new ArrayList<>();
        for (boolean refused : new boolean[]{false, true}) {
            for (boolean partially : new boolean[]{false, true}) {
                for (boolean delivered : new boolean[]{false, true}) {
                    all.add(new BspaohFacts(refused, partially, delivered));
                }
            }
        }
        return all;
    }

    private static Optional<BspaohStatus> expected(BspaohStatus from, BspaohEvent event, BspaohFacts f) {
        return switch (from) {
            case DRAFT -> event == PUBLISH ? Optional.of(BspaohStatus.INITIAL) : Optional.empty();
            case INITIAL -> event == BspaohEvent.EMISSION ? Optional.of(SIGNED_BY_PRODUCER) : Optional.empty();
            case SIGNED_BY_PRODUCER -> event == BspaohEvent.TRANSPORT ? Optional.of(SENT) : Optional.empty();
            case SENT -> switch (event) {
                case DELIVERY -> f.delivered() ? Optional.empty() : Optional.of(SENT);
                case RECEPTION -> Optional.of(f.refused() ? BspaohStatus.REFUSED
                        : f.partiallyRefused() ? BspaohStatus.PARTIALLY_REFUSED : RECEIVED);
                default -> Optional.empty();
            };
            case RECEIVED, PARTIALLY_REFUSED -> event == BspaohEvent.OPERATION ? Optional.of(PROCESSED)
                    : Optional.empty();
            case PROCESSED, REFUSED, CANCELED -> Optional.empty();
        };
    }

    @Test
    void everyPairFollowsTheReferenceMachine() {
        int checked = 0;
        for (BspaohStatus from : BspaohStatus.values()) {
            for (BspaohEvent event : BspaohEvent.values()) {
                for (BspaohFacts facts : allFacts()) {
                    assertEquals(expected(from, event, facts), BspaohLifecycle.TABLE.next(from, event, facts),
                            from + " " + event + " " + facts);
                    checked++;
                }
            }
        }
        assertEquals(9 * 6 * 8, checked);
    }

    @Test
    void theHandOverKeepsTheBspaohSentAndHappensOnce() {
        assertEquals(Optional.of(SENT), BspaohLifecycle.TABLE.next(SENT, DELIVERY, new BspaohFacts(false, false, false)));
        assertEquals(Optional.empty(), BspaohLifecycle.TABLE.next(SENT, DELIVERY, new BspaohFacts(false, false, true)));
    }

    @Test
    void aPartialRefusalIsStillCremated() {
        assertEquals(Optional.of(PROCESSED), BspaohLifecycle.TABLE.next(PARTIALLY_REFUSED, BspaohEvent.OPERATION,
                new BspaohFacts(false, true, false)));
    }
}
