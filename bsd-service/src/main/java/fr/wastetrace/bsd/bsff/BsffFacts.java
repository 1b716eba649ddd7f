package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.model.BsffPackaging;

import java.util.List;
import java.util.function.Function;

/**
 * What the guards of {@link BsffLifecycle} look at: the state of every container after the signature, each judged
 * with the last container that took it over on a follow-up BSFF (reference compat.ts).
 *
 * @param allRefused                   every container refused (here or on a follow-up BSFF)
 * @param allProcessed                 every container refused or finally processed (here or downstream)
 * @param allProcessedOrIntermediately every container refused, finally or intermediately processed
 * @param allAccepted                  every container accepted
 * @param allAcceptedOrRefused         every container accepted or refused
 */
public record BsffFacts(boolean allRefused, boolean allProcessed, boolean allProcessedOrIntermediately,
                        boolean allAccepted, boolean allAcceptedOrRefused) {

    /**
     * The facts of {@code packagings}; {@code last} gives the last container that took one over downstream (or the
     * container itself when none did).
     */
    public static BsffFacts of(List<BsffPackaging> packagings, Function<BsffPackaging, BsffPackaging> last) {
        boolean allRefused = true;
        boolean allProcessed = true;
        boolean allProcessedOrIntermediately = true;
        boolean allAccepted = true;
        boolean allAcceptedOrRefused = true;
        for (BsffPackaging p : packagings) {
            BsffPackaging downstream = last.apply(p);
            boolean accepted = p.accepted() && !p.refused();
            boolean refused = p.refused() || downstream != p && downstream.refused();
            boolean processed = refused || p.operated() && (finalOperation(p) || downstream != p
                    && downstream.operated() && finalOperation(downstream));
            boolean intermediately = refused || p.operated() && !finalOperation(p);
            allRefused &= refused;
            allProcessed &= processed;
            allProcessedOrIntermediately &= processed || intermediately;
            allAccepted &= accepted;
            allAcceptedOrRefused &= accepted || refused;
        }
        return new BsffFacts(allRefused, allProcessed, allProcessedOrIntermediately, allAccepted, allAcceptedOrRefused);
    }

    static boolean finalOperation(BsffPackaging p) {
        return p.operation != null && p.operation.code != null
                && p.operation.code.isFinal(Boolean.TRUE.equals(p.operation.noTraceability));
    }
}
