package fr.wastetrace.bsd.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.subgraph.ApiException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A type's edition rules as data, one line per field: from which signature step the field is <em>sealed</em> (no
 * longer editable) and from which it is <em>required</em>, each with an optional condition. Steps are ordered (for
 * instance EMISSION, TRANSPORT, TRANSPORT_2 ... RECEPTION, OPERATION): a field sealed from a step is sealed once that
 * step or any later one is signed; a field required from a step is required when validating that step or a later one.
 * Paths are the GraphQL field paths of the BSD's state ({@code destination.company.siret}).
 *
 * @param <C> what the conditions look at (the document, the caller's role on it...)
 */
public final class EditionRules<C> {

    /** One field's rule. */
    public record Rule<C>(String path, String label, Function<C, String> sealedFrom, Predicate<C> sealedWhen,
                          String requiredFrom, BiPredicate<C, String> requiredWhen) {
    }

    /** A required field missing for a step. */
    public record Missing(String path, String message, String requiredFor) {
    }

    private final List<String> steps;
    private final List<Rule<C>> rules;

    private EditionRules(List<String> steps, List<Rule<C>> rules) {
        this.steps = List.copyOf(steps);
        this.rules = List.copyOf(rules);
    }

    public static <C> Builder<C> builder(List<String> orderedSteps) {
        return new Builder<>(orderedSteps);
    }

    public List<Rule<C>> rules() {
        return rules;
    }

    private int rank(String step) {
        int i = steps.indexOf(step);
        if (i < 0) {
            throw new IllegalArgumentException("unknown step " + step);
        }
        return i;
    }

    /** Whether {@code from} or a later step is among the signed ones. */
    public boolean reached(String from, Collection<String> signed) {
        int r = rank(from);
        return signed.stream().anyMatch(s -> rank(s) >= r);
    }

    /** The paths sealed by the signatures made so far. */
    public List<String> sealedPaths(C context, Collection<String> signed) {
        List<String> sealed = new ArrayList<>();
        for (Rule<C> rule : rules) {
            if (isSealed(rule, context, signed)) {
                sealed.add(rule.path());
            }
        }
        return sealed;
    }

    private boolean isSealed(Rule<C> rule, C context, Collection<String> signed) {
        String from = rule.sealedFrom().apply(context);
        return from != null && reached(from, signed) && rule.sealedWhen().test(context);
    }

    /**
     * Refuses ({@code BAD_USER_INPUT}, naming the fields) a change touching a field the signatures made so far sealed.
     *
     * @param changedPaths the paths that changed ({@code JsonDiff}), under {@code prefix} when given
     */
    public void checkNotSealed(C context, Collection<String> signed, Set<String> changedPaths, String prefix) {
        Set<String> touched = new LinkedHashSet<>();
        for (Rule<C> rule : rules) {
            String path = prefix + rule.path();
            boolean changed = changedPaths.stream().anyMatch(p -> p.equals(path) || p.startsWith(path + ".")
                    || p.startsWith(path + "[") || path.startsWith(p + "."));
            if (changed && isSealed(rule, context, signed)) {
                touched.add(rule.label());
            }
        }
        if (!touched.isEmpty()) {
            throw new ApiException.BadUserInput("Des champs ont été verrouillés via signature et ne peuvent plus être "
                    + "modifiés : " + String.join(", ", touched));
        }
    }

    /** The fields required for {@code step} that are empty in {@code state}. */
    public List<Missing> missing(C context, JsonNode state, String step) {
        List<Missing> missing = new ArrayList<>();
        for (Rule<C> rule : rules) {
            if (rule.requiredFrom() == null || rank(rule.requiredFrom()) > rank(step)
                    || !rule.requiredWhen().test(context, step)) {
                continue;
            }
            if (isEmpty(at(state, rule.path()))) {
                missing.add(new Missing(rule.path(), rule.label() + " est un champ requis.", rule.requiredFrom()));
            }
        }
        return missing;
    }

    /** Adds the missing fields of {@code step} to {@code problems}. */
    public Problems require(C context, JsonNode state, String step, Problems problems) {
        missing(context, state, step).forEach(m -> problems.add(m.message()));
        return problems;
    }

    public static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                || value.isTextual() && value.asText().isBlank()
                || (value.isArray() || value.isObject()) && value.isEmpty();
    }

    public static final class Builder<C> {
        private final List<String> steps;
        private final List<Rule<C>> rules = new ArrayList<>();

        private Builder(List<String> steps) {
            this.steps = steps;
        }

        /** A field sealed from a fixed step, never required. */
        public Builder<C> sealed(String path, String label, String sealedFrom) {
            return rule(path, label, c -> sealedFrom, c -> true, null, (c, s) -> true);
        }

        /** A field sealed and required from fixed steps. */
        public Builder<C> required(String path, String label, String sealedFrom, String requiredFrom) {
            return rule(path, label, c -> sealedFrom, c -> true, requiredFrom, (c, s) -> true);
        }

        public Builder<C> rule(String path, String label, Function<C, String> sealedFrom, Predicate<C> sealedWhen,
                               String requiredFrom, BiPredicate<C, String> requiredWhen) {
            rules.add(new Rule<>(path, label, sealedFrom, Objects.requireNonNull(sealedWhen), requiredFrom,
                    Objects.requireNonNull(requiredWhen)));
            return this;
        }

        public EditionRules<C> build() {
            return new EditionRules<>(steps, rules);
        }
    }
}
