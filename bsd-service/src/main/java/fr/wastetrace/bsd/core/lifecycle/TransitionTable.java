package fr.wastetrace.bsd.core.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A BSD lifecycle declared as data: for a (status, event) pair, an ordered list of guarded transitions; the first
 * transition whose guard holds gives the next status. A pair with no transition, or whose guards all fail, is not a
 * move the BSD can make. Every BSD type declares its own table with this class.
 *
 * @param <S> the statuses
 * @param <E> the events (what a mutation or the system asks for)
 * @param <C> the facts the guards look at
 */
public final class TransitionTable<S extends Enum<S>, E extends Enum<E>, C> {

    /** A named condition on the facts of a transition. */
    public record Guard<C>(String name, Predicate<C> test) {
        public Guard {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(test, "test");
        }

        public static <C> Guard<C> always() {
            return new Guard<>("always", facts -> true);
        }
    }

    public record Transition<S, E, C>(S from, E event, Guard<C> guard, S to) {
    }

    private final List<Transition<S, E, C>> transitions;

    private TransitionTable(List<Transition<S, E, C>> transitions) {
        this.transitions = List.copyOf(transitions);
    }

    /** The next status, or empty when this event cannot happen in this status with these facts. */
    public Optional<S> next(S from, E event, C facts) {
        for (Transition<S, E, C> t : transitions) {
            if (t.from() == from && t.event() == event && t.guard().test().test(facts)) {
                return Optional.of(t.to());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the table has a row for this event in this status, whatever its guards would say: the status rules that
     * only ask "may this happen now" read the table this way instead of naming statuses.
     */
    public boolean allows(S from, E event) {
        for (Transition<S, E, C> t : transitions) {
            if (t.from() == from && t.event() == event) {
                return true;
            }
        }
        return false;
    }

    /** The statuses from which the table has a row for at least one of {@code events}, whatever its guards. */
    public Set<S> statusesAllowingAny(Collection<E> events) {
        Set<S> statuses = new HashSet<>();
        for (Transition<S, E, C> t : transitions) {
            if (events.contains(t.event())) {
                statuses.add(t.from());
            }
        }
        return statuses;
    }

    public static <S extends Enum<S>, E extends Enum<E>, C> Builder<S, E, C> builder() {
        return new Builder<>();
    }

    public static final class Builder<S extends Enum<S>, E extends Enum<E>, C> {
        private final List<Transition<S, E, C>> transitions = new ArrayList<>();

        /** Declares, for each of {@code from}, the guarded branches of {@code event}, in the order given. */
        @SafeVarargs
        public final Builder<S, E, C> on(Set<S> from, E event, Branch<S, C>... branches) {
            for (S status : from) {
                for (Branch<S, C> branch : branches) {
                    transitions.add(new Transition<>(status, event, branch.guard(), branch.to()));
                }
            }
            return this;
        }

        @SafeVarargs
        public final Builder<S, E, C> on(S from, E event, Branch<S, C>... branches) {
            return on(EnumSet.of(from), event, branches);
        }

        public TransitionTable<S, E, C> build() {
            return new TransitionTable<>(transitions);
        }
    }

    /** One guarded outcome of an event. */
    public record Branch<S, C>(Guard<C> guard, S to) {
        public static <S, C> Branch<S, C> when(Guard<C> guard, S to) {
            return new Branch<>(guard, to);
        }

        public static <S, C> Branch<S, C> otherwise(S to) {
            return new Branch<>(Guard.always(), to);
        }
    }
}
