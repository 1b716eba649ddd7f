package fr.wastetrace.company.tokens;

import fr.wastetrace.subgraph.ApiException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The restrictions asked for a new personal access token, checked: an expiry in the future and at most {@link #MAX_LIFETIME}
 * away (none: the token does not expire, as before), and the companies it may act for, each one of its owner's.
 *
 * @param expiresAt null: no expiry
 * @param orgIds    null: every company of the owner
 */
public record TokenRestrictions(OffsetDateTime expiresAt, boolean readOnly, List<String> orgIds) {
    /** The longest life a token may be given: a year (a leap year's day included). */
    static final Duration MAX_LIFETIME = Duration.ofDays(366);

    /** The restrictions of {@code input}, or the {@code BAD_USER_INPUT} that names the field at fault. */
    static TokenRestrictions of(CreateAccessTokenInput input, OffsetDateTime now, Collection<String> memberOf) {
        OffsetDateTime expiresAt = input.wastetraceExpiresAt;
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new ApiException.BadUserInput("wastetraceExpiresAt : la date d'expiration « " + expiresAt
                    + " » est déjà passée : indiquez un instant futur (au plus un an), ou aucun pour un jeton sans expiration.");
        }
        if (expiresAt != null && expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw new ApiException.BadUserInput("wastetraceExpiresAt : un jeton expire au plus tard un an après sa création ("
                    + now.plus(MAX_LIFETIME) + ") ; « " + expiresAt + " » est trop loin. Sans date, le jeton n'expire pas.");
        }
        WastetraceAccessTokenScopeInput scope = input.wastetraceScope;
        boolean readOnly = scope != null && Boolean.TRUE.equals(scope.readOnly);
        if (scope == null || scope.orgIds == null) {
            return new TokenRestrictions(expiresAt, readOnly, null);
        }
        Set<String> orgIds = new LinkedHashSet<>();
        for (String orgId : scope.orgIds) {
            String cleaned = orgId == null ? "" : orgId.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
            if (!memberOf.contains(cleaned)) {
                throw new ApiException.BadUserInput("wastetraceScope.orgIds : vous n'êtes pas membre de l'établissement « "
                        + orgId + " » : un jeton ne peut agir que pour vos établissements.");
            }
            orgIds.add(cleaned);
        }
        if (orgIds.isEmpty()) {
            throw new ApiException.BadUserInput("wastetraceScope.orgIds : indiquez au moins un de vos établissements, ou "
                    + "retirez orgIds pour un jeton qui agit pour tous.");
        }
        return new TokenRestrictions(expiresAt, readOnly, List.copyOf(orgIds));
    }
}
