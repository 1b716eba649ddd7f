package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.bsvhu.model.BsvhuStatus;
import fr.wastetrace.bsd.bsvhu.model.SignatureTypeInput;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static fr.wastetrace.bsd.bsvhu.model.BsvhuStatus.*;
import static fr.wastetrace.bsd.bsvhu.model.SignatureTypeInput.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every (status, signature, facts) combination of the BSVHU table, allowed or not (reference machine.ts). */
class BsvhuLifecycleTest {

    private static Optional<BsvhuStatus> next(BsvhuStatus from, SignatureTypeInput event, BsvhuFacts facts) {
        return BsvhuLifecycle.TABLE.next(from, event, facts);
    }

    private static List<BsvhuFacts> allFacts() {
        List<BsvhuFacts> all = new ArrayList<>();
        for (boolean refused : new boolean[]{false, true}) {
            for (boolean irregular : new boolean[]{false, true}) {
                for (boolean cannotSign : new boolean[]{false, true}) {
                    all.add(new BsvhuFacts(refused, irregular, cannotSign));
                }
            }
        }
        return all;
    }

    private static Optional<BsvhuStatus> expected(BsvhuStatus from, SignatureTypeInput event, BsvhuFacts f) {
        return switch (from) {
            case INITIAL -> switch (event) {
                case EMISSION -> Optional.of(SIGNED_BY_PRODUCER);
                case TRANSPORT -> f.irregularSituation() && f.emitterWithoutSignature() ? Optional.of(SENT) : Optional.empty();
                default -> Optional.empty();
            };
            case SIGNED_BY_PRODUCER -> event == TRANSPORT ? Optional.of(SENT) : Optional.empty();
            case SENT -> switch (event) {
                case TRANSPORT -> Optional.of(SENT);
                case RECEPTION -> Optional.of(f.refused() ? BsvhuStatus.REFUSED : RECEIVED);
                case OPERATION -> Optional.of(f.refused() ? BsvhuStatus.REFUSED : PROCESSED);
                default -> Optional.empty();
            };
            case RECEIVED -> event == OPERATION ? Optional.of(PROCESSED) : Optional.empty();
            case PROCESSED, REFUSED -> Optional.empty();
        };
    }

    @Test
    void everyPairFollowsTheReferenceMachine() {
        int checked = 0;
        for (BsvhuStatus from : BsvhuStatus.values()) {
            for (SignatureTypeInput event : SignatureTypeInput.values()) {
                for (BsvhuFacts facts : allFacts()) {
                    assertEquals(expected(from, event, facts), next(from, event, facts), from + " " + event + " " + facts);
                    checked++;
                }
            }
        }
        assertEquals(6 * 4 * 8, checked);
    }

    @Test
    void transporterSignsFirstOnlyForAnIrregularEmitterWhoCannotSign() {
        assertEquals(Optional.of(SENT), next(INITIAL, TRANSPORT, new BsvhuFacts(false, true, true)));
        assertEquals(Optional.empty(), next(INITIAL, TRANSPORT, new BsvhuFacts(false, true, false)));
        assertEquals(Optional.empty(), next(INITIAL, TRANSPORT, new BsvhuFacts(false, false, true)));
    }
}
