package fr.wastetrace.subgraph;

import fr.wastetrace.identity.CallerIdentity;
import io.quarkus.security.identity.SecurityIdentity;

import java.util.Optional;

/** Reads the {@link CallerIdentity} of the current request. */
public final class Callers {
    private Callers() {
    }

    public static Optional<CallerIdentity> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getAttribute(GatewayIdentityMechanism.CALLER));
    }

    /** The authenticated caller, or the contract's {@code UNAUTHENTICATED} error. */
    public static CallerIdentity require(SecurityIdentity identity) {
        return of(identity).filter(CallerIdentity::isAuthenticated)
                .orElseThrow(() -> new ApiException.Unauthenticated("Vous n'êtes pas connecté : envoyez un jeton d'accès valide "
                        + "dans l'en-tête Authorization (Bearer)."));
    }
}
