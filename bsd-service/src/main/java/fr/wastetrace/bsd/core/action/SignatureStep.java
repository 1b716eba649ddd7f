package fr.wastetrace.bsd.core.action;

import fr.wastetrace.bsd.core.signature.TransporterChain;
import fr.wastetrace.events.company.UserPermission;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

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

    /**
     * The {@code TRANSPORT} step of a multimodal chain: the first transporter who has not signed signs it, it is
     * signed once they all have, and it does not apply to a BSD without transporter ({@code noTransporter}).
     */
    public static <D, T, E extends Enum<E>> SignatureStep<D, E> chainTransport(E event,
                                                                           Function<D, List<T>> transporters,
                                                                           Predicate<T> signed,
                                                                           Function<T, String> orgId,
                                                                           String noTransporter) {
        return new SignatureStep<D, E>("TRANSPORT", event, UserPermission.BSD_CAN_SIGN_TRANSPORT,
                d -> TransporterChain.nextToSign(transporters.apply(d), signed)
                        .map(rank -> Stream.of(orgId.apply(transporters.apply(d).get(rank - 1)))
                                .filter(Objects::nonNull).toList())
                        .orElse(List.of()),
                d -> TransporterChain.nextToSign(transporters.apply(d), signed).isEmpty(),
                d -> transporters.apply(d).isEmpty() ? Optional.of(noTransporter) : Optional.empty());
    }

    /** The same step, which does not apply to a BSD for which {@code reason} gives a (French) reason. */
    public SignatureStep<D, E> unavailableWhen(Function<D, Optional<String>> reason) {
        Function<D, Optional<String>> before = unavailable;
        return new SignatureStep<>(name, event, permission, signers, signed,
                d -> before.apply(d).or(() -> reason.apply(d)));
    }

    /** The same step, which first does not apply to a BSD for which {@code reason} gives a (French) reason. */
    public SignatureStep<D, E> firstUnavailableWhen(Function<D, Optional<String>> reason) {
        Function<D, Optional<String>> after = unavailable;
        return new SignatureStep<>(name, event, permission, signers, signed,
                d -> reason.apply(d).or(() -> after.apply(d)));
    }

    /** The signers' org ids, none missing. */
    public List<String> signersOf(D document) {
        return signers.apply(document).stream().filter(Objects::nonNull).toList();
    }
}
