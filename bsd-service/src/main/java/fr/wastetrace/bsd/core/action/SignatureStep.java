package fr.wastetrace.bsd.core.action;

import fr.wastetrace.events.company.UserPermission;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One signature step of a BSD type, as data: its name as the type's API spells it, the event of the type's
 * transition table it fires, the permission a signer's role must grant, who signs it now (org ids read from the
 * document), whether it is already signed, and when the step does not apply to this BSD at all (the French reason).
 * The type's sign mutation and the computed allowed actions ({@link AllowedActions}) both read it.
 *
 * @param <D> the type's document
 * @param <E> the type's lifecycle events
 */
public record SignatureStep<D, E extends Enum<E>>(String name, E event, UserPermission permission,
                                                   Function<D, List<String>> signers, Predicate<D> signed,
                                                   Function<D, Optional<String>> unavailable) {

    public static <D, E extends Enum<E>> SignatureStep<D, E> of(String name, E event, UserPermission permission,
                                                                Function<D, List<String>> signers,
                                                                Predicate<D> signed) {
        return new SignatureStep<>(name, event, permission, signers, signed, d -> Optional.empty());
    }

    /** The same step, which does not apply to a BSD for which {@code reason} gives a (French) reason. */
    public SignatureStep<D, E> unavailableWhen(Function<D, Optional<String>> reason) {
        Function<D, Optional<String>> before = unavailable;
        return new SignatureStep<>(name, event, permission, signers, signed,
                d -> before.apply(d).or(() -> reason.apply(d)));
    }

    /** The signers' org ids, none missing. */
    public List<String> signersOf(D document) {
        return signers.apply(document).stream().filter(Objects::nonNull).toList();
    }
}
