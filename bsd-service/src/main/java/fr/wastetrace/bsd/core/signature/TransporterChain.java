package fr.wastetrace.bsd.core.signature;

import fr.wastetrace.subgraph.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The multimodal transport rules of the core (BSVHU now, BSDA and BSFF later): at most five ordered transporters;
 * each {@code TRANSPORT} signature goes to the first transporter that has not signed; when the destination signs
 * the reception or the operation, the transporters that never signed are dropped from the end of the chain. Steps
 * are named {@code TRANSPORT}, {@code TRANSPORT_2} ... {@code TRANSPORT_5}, as the reference does.
 */
public final class TransporterChain {
    public static final int MAX = 5;

    private TransporterChain() {
    }

    public static void checkSize(int size) {
        if (size > MAX) {
            throw new ApiException.BadUserInput("Vous ne pouvez pas ajouter plus de " + MAX + " transporteurs.");
        }
    }

    /** The rank (1-based) of the first transporter that has not signed. */
    public static <T> Optional<Integer> nextToSign(List<T> chain, Predicate<T> signed) {
        for (int i = 0; i < chain.size(); i++) {
            if (!signed.test(chain.get(i))) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /** The chain without its trailing transporters that never signed. */
    public static <T> List<T> withoutTrailingUnsigned(List<T> chain, Predicate<T> signed) {
        List<T> kept = new ArrayList<>(chain);
        while (!kept.isEmpty() && !signed.test(kept.get(kept.size() - 1))) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    /** The transporter of the chain who signs {@code step} ({@code TRANSPORT}, {@code TRANSPORT_2}...), if any. */
    public static <T> Optional<T> signingFor(List<T> chain, String step) {
        for (int i = 0; i < chain.size(); i++) {
            if (step(i + 1).equals(step)) {
                return Optional.of(chain.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The steps signed so far by a type that has an emission, a transporter chain and a reception, in that order:
     * {@code EMISSION}, {@code TRANSPORT}, {@code TRANSPORT_2}..., {@code RECEPTION}; the type adds its later steps.
     */
    public static <T> List<String> signedSteps(boolean emitted, List<T> chain, Predicate<T> signed, boolean received) {
        List<String> steps = new ArrayList<>();
        if (emitted) {
            steps.add("EMISSION");
        }
        for (int i = 0; i < chain.size(); i++) {
            if (signed.test(chain.get(i))) {
                steps.add(step(i + 1));
            }
        }
        if (received) {
            steps.add("RECEPTION");
        }
        return steps;
    }

    /** {@code TRANSPORT} for the first transporter, {@code TRANSPORT_<n>} for the others. */
    public static String step(int rank) {
        return rank <= 1 ? "TRANSPORT" : "TRANSPORT_" + rank;
    }

    /**
     * A signed transporter may not leave the chain nor move in it: the signed ones of {@code before} must stay, in the
     * same ranks, in {@code after}.
     */
    public static void checkSignedKept(List<String> beforeIds, List<Boolean> beforeSigned, List<String> afterIds) {
        for (int i = 0; i < beforeIds.size(); i++) {
            if (beforeSigned.get(i) && (afterIds.size() <= i || !afterIds.get(i).equals(beforeIds.get(i)))) {
                throw new ApiException.BadUserInput("Le transporteur n°" + (i + 1) + " a déjà signé : il ne peut être "
                        + "ni retiré ni déplacé dans la liste des transporteurs.");
            }
        }
    }
}
