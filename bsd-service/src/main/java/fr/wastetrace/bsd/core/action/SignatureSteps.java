package fr.wastetrace.bsd.core.action;

import fr.wastetrace.bsd.core.lifecycle.TransitionTable;
import fr.wastetrace.subgraph.ApiException;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signature steps of a BSD type, in the order of its lifecycle. The sign mutation opens a step with
 * {@link #open} (the step's refusals) and reads its signers and permission from it.
 */
public final class SignatureSteps<D, E extends Enum<E>> {
    private final Map<String, SignatureStep<D, E>> steps = new LinkedHashMap<>();

    @SafeVarargs
    public SignatureSteps(SignatureStep<D, E>... steps) {
        for (SignatureStep<D, E> step : steps) {
            this.steps.put(step.name(), step);
        }
    }

    public Collection<SignatureStep<D, E>> all() {
        return steps.values();
    }

    public SignatureStep<D, E> step(String name) {
        SignatureStep<D, E> step = steps.get(name);
        if (step == null) {
            throw new IllegalArgumentException("no signature step " + name);
        }
        return step;
    }

    /**
     * The step {@code name} for a signature of {@code document}: {@code BAD_USER_INPUT} when it does not apply to
     * this BSD (its reason) or is already signed ({@code alreadySigned}).
     */
    public SignatureStep<D, E> open(String name, D document, String alreadySigned) {
        SignatureStep<D, E> step = applicable(name, document);
        if (step.signed().test(document)) {
            throw new ApiException.BadUserInput(alreadySigned);
        }
        return step;
    }

    /**
     * The step {@code name} for a signature of {@code document}, {@code BAD_USER_INPUT} when it does not apply to
     * this BSD (its reason); for a type whose table refuses a second signature of a step itself.
     */
    public SignatureStep<D, E> applicable(String name, D document) {
        SignatureStep<D, E> step = step(name);
        step.unavailable().apply(document).ifPresent(reason -> {
            throw new ApiException.BadUserInput(reason);
        });
        return step;
    }

    public List<String> names() {
        return List.copyOf(steps.keySet());
    }

    /** The statuses from which {@code table} has a row for one of these steps' events. */
    public Set<String> signableStatuses(TransitionTable<?, E, ?> table) {
        return table.statusesAllowingAny(steps.values().stream().map(SignatureStep::event).toList()).stream()
                .map(Enum::name).collect(Collectors.toSet());
    }
}
