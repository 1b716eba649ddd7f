package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.BsffLifecycle.Event;
import fr.wastetrace.bsd.bsff.model.BsffOperationCode;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffPackagingAcceptation;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffPackagingOperation;
import fr.wastetrace.bsd.bsff.model.BsffStatus;
import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.wastetrace.bsd.bsff.model.BsffStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every (status, event, facts) combination of the BSFF table, allowed or not (reference signBsff.ts and the status
 * computed from the containers in compat.ts), and the facts computed from containers.
 */
class BsffLifecycleTest {

    private static List<BsffFacts> allFacts() {
        List<BsffFacts> all = new ArrayList<>();
        for (int bits = 0; bits < 32; bits++) {
            all.add(new BsffFacts((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0,
                    (bits & 16) != 0));
        }
        return all;
    }

    /** The status the containers give (compat.ts getStatus), or {@code unchanged}. */
    private static BsffStatus computed(BsffFacts f, BsffStatus unchanged) {
        if (f.allRefused()) {
            return REFUSED;
        }
        if (f.allProcessed()) {
            return PROCESSED;
        }
        if (f.allProcessedOrIntermediately()) {
            return INTERMEDIATELY_PROCESSED;
        }
        if (f.allAccepted()) {
            return ACCEPTED;
        }
        return f.allAcceptedOrRefused() ? PARTIALLY_REFUSED : unchanged;
    }

    private static Optional<BsffStatus> expected(BsffStatus from, Event event, BsffFacts f) {
        return switch (event) {
            case EMISSION -> from == INITIAL ? Optional.of(SIGNED_BY_EMITTER) : Optional.empty();
            case TRANSPORT -> from == SIGNED_BY_EMITTER || from == SENT ? Optional.of(SENT) : Optional.empty();
            case RECEPTION -> from == SENT ? Optional.of(RECEIVED) : Optional.empty();
            case ACCEPTATION -> from == RECEIVED ? Optional.of(computed(f, RECEIVED)) : Optional.empty();
            case OPERATION -> List.of(RECEIVED, ACCEPTED, PARTIALLY_REFUSED, INTERMEDIATELY_PROCESSED).contains(from)
                    ? Optional.of(computed(f, from)) : Optional.empty();
            case DOWNSTREAM_OPERATION -> from == INTERMEDIATELY_PROCESSED
                    ? Optional.of(f.allProcessed() ? PROCESSED : INTERMEDIATELY_PROCESSED) : Optional.empty();
        };
    }

    @Test
    void everyPairFollowsTheReference() {
        int checked = 0;
        for (BsffStatus from : BsffStatus.values()) {
            for (Event event : Event.values()) {
                for (BsffFacts facts : allFacts()) {
                    assertEquals(expected(from, event, facts), BsffLifecycle.TABLE.next(from, event, facts),
                            from + " " + event + " " + facts);
                    checked++;
                }
            }
        }
        assertEquals(9 * 6 * 32, checked);
    }

    @Test
    void processedAndRefusedAreFinal() {
        for (Event event : Event.values()) {
            assertFalse(BsffLifecycle.TABLE.allows(PROCESSED, event));
            assertFalse(BsffLifecycle.TABLE.allows(REFUSED, event));
        }
    }

    // ---------------------------------------------------------------- facts from containers

    private static BsffPackaging packaging(String id, WasteAcceptationStatus acceptation, BsffOperationCode code,
                                           boolean noTraceability) {
        BsffPackaging p = new BsffPackaging();
        p.id = id;
        if (acceptation != null) {
            p.acceptation = new BsffPackagingAcceptation();
            p.acceptation.status = acceptation;
            p.acceptation.signature = new Signature("Paul", Instant.now());
        }
        if (code != null) {
            p.operation = new BsffPackagingOperation();
            p.operation.code = code;
            p.operation.noTraceability = noTraceability;
            p.operation.signature = new Signature("Paul", Instant.now());
        }
        return p;
    }

    private static BsffStatus afterOperation(List<BsffPackaging> packagings, Map<String, BsffPackaging> downstream) {
        BsffFacts facts = BsffFacts.of(packagings, p -> downstream.getOrDefault(p.id, p));
        return BsffLifecycle.TABLE.next(ACCEPTED, Event.OPERATION, facts).orElseThrow();
    }

    @Test
    void aMixOfAcceptedAndRefusedContainersIsAPartialRefusal() {
        BsffFacts facts = BsffFacts.of(List.of(packaging("a", WasteAcceptationStatus.ACCEPTED, null, false),
                packaging("b", WasteAcceptationStatus.REFUSED, null, false)), p -> p);
        assertEquals(Optional.of(PARTIALLY_REFUSED), BsffLifecycle.TABLE.next(RECEIVED, Event.ACCEPTATION, facts));
    }

    @Test
    void aContainerNotYetAnsweredKeepsTheBsffReceived() {
        BsffFacts facts = BsffFacts.of(List.of(packaging("a", WasteAcceptationStatus.ACCEPTED, null, false),
                packaging("b", null, null, false)), p -> p);
        assertEquals(Optional.of(RECEIVED), BsffLifecycle.TABLE.next(RECEIVED, Event.ACCEPTATION, facts));
    }

    @Test
    void finalAndIntermediateOperations() {
        assertEquals(PROCESSED, afterOperation(List.of(packaging("a", WasteAcceptationStatus.ACCEPTED,
                BsffOperationCode.R2, false), packaging("b", WasteAcceptationStatus.REFUSED, null, false)), Map.of()));
        assertEquals(INTERMEDIATELY_PROCESSED, afterOperation(List.of(packaging("a", WasteAcceptationStatus.ACCEPTED,
                BsffOperationCode.R2, false), packaging("b", WasteAcceptationStatus.ACCEPTED, BsffOperationCode.D13,
                false)), Map.of()));
        assertEquals(PROCESSED, afterOperation(List.of(packaging("a", WasteAcceptationStatus.ACCEPTED,
                BsffOperationCode.R13, true)), Map.of()), "an intermediate code with no traceability is final");
        assertEquals(ACCEPTED, afterOperation(List.of(packaging("a", WasteAcceptationStatus.ACCEPTED,
                BsffOperationCode.R2, false), packaging("b", WasteAcceptationStatus.ACCEPTED, null, false)), Map.of()));
    }

    @Test
    void aFinalOperationDownstreamProcessesTheContainer() {
        BsffPackaging grouped = packaging("a", WasteAcceptationStatus.ACCEPTED, BsffOperationCode.R12, false);
        BsffPackaging downstream = packaging("z", WasteAcceptationStatus.ACCEPTED, BsffOperationCode.R1, false);
        BsffFacts facts = BsffFacts.of(List.of(grouped), p -> downstream);
        assertTrue(facts.allProcessed());
        assertEquals(Optional.of(PROCESSED), BsffLifecycle.TABLE.next(INTERMEDIATELY_PROCESSED,
                Event.DOWNSTREAM_OPERATION, facts));
        BsffPackaging pending = packaging("y", WasteAcceptationStatus.ACCEPTED, null, false);
        assertEquals(Optional.of(INTERMEDIATELY_PROCESSED), BsffLifecycle.TABLE.next(INTERMEDIATELY_PROCESSED,
                Event.DOWNSTREAM_OPERATION, BsffFacts.of(List.of(grouped), p -> pending)));
    }

    @Test
    void operationCodesLeadToTheirFollowUps() {
        assertTrue(BsffOperationCode.R12.successors().contains(fr.wastetrace.bsd.bsff.model.BsffType.GROUPEMENT));
        assertTrue(BsffOperationCode.D14.successors().contains(fr.wastetrace.bsd.bsff.model.BsffType.RECONDITIONNEMENT));
        assertTrue(BsffOperationCode.D15.successors().contains(fr.wastetrace.bsd.bsff.model.BsffType.REEXPEDITION));
        assertTrue(BsffOperationCode.D10.isFinal(false));
        assertFalse(BsffOperationCode.R13.isFinal(false));
    }
}
