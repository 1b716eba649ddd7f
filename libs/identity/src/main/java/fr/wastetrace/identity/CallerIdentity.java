package fr.wastetrace.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling, as verified by the gateway.
 *
 * @param subject   stable id of the user (the Keycloak subject), or {@code null} for an anonymous caller
 * @param email     the user's e-mail, when known
 * @param name      the user's display name, when known
 * @param authType  how the gateway authenticated the caller
 * @param clientIp  the client address the gateway saw (after trusted-proxy resolution)
 * @param expiresAt the identity is refused after this instant (a replay window of a few seconds)
 * @param awaited   positions of the caller's own recent writes ({@link WrittenPositions} keys → aggregate version)
 *                  that a read model must have applied before it answers (read-your-writes); empty when none
 * @param readOnly  the caller authenticated with a read-only personal access token: no mutation (the gateway refuses
 *                  them; subgraphs may rely on it too)
 * @param orgScope  the org ids (SIRET or VAT number) a company-scoped personal access token may act for: every
 *                  service reads the caller's companies as the intersection of its memberships with this set; null
 *                  when the caller is not restricted
 */
public record CallerIdentity(String subject, String email, String name, AuthType authType, String clientIp,
                             Instant expiresAt, Map<String, Long> awaited, boolean readOnly, Set<String> orgScope) {

    public enum AuthType {
        /** No credentials, or credentials that did not verify. */
        ANONYMOUS,
        /** A Keycloak access token (JWT). */
        JWT,
        /** A personal access token issued by company-service. */
        ACCESS_TOKEN
    }

    public CallerIdentity {
        awaited = awaited == null || awaited.isEmpty() ? Map.of() : Map.copyOf(awaited);
        orgScope = orgScope == null ? null : Set.copyOf(orgScope);
    }

    /** An unrestricted identity. */
    public CallerIdentity(String subject, String email, String name, AuthType authType, String clientIp,
                          Instant expiresAt, Map<String, Long> awaited) {
        this(subject, email, name, authType, clientIp, expiresAt, awaited, false, null);
    }

    /** An identity that awaits nothing. */
    public CallerIdentity(String subject, String email, String name, AuthType authType, String clientIp,
                          Instant expiresAt) {
        this(subject, email, name, authType, clientIp, expiresAt, Map.of());
    }

    public boolean isAuthenticated() {
        return authType != AuthType.ANONYMOUS && subject != null;
    }

    /** The same caller, awaiting {@code positions}. */
    public CallerIdentity awaiting(Map<String, Long> positions) {
        return new CallerIdentity(subject, email, name, authType, clientIp, expiresAt, positions, readOnly, orgScope);
    }

    /** The same caller, restricted as its personal access token is (read-only, the companies it may act for). */
    public CallerIdentity restricted(boolean readOnly, Set<String> orgScope) {
        return new CallerIdentity(subject, email, name, authType, clientIp, expiresAt, awaited, readOnly, orgScope);
    }

    /**
     * Whether the caller may act for the company {@code orgId} as far as its credentials go (its membership is
     * checked apart): always, unless its token is scoped to other companies.
     */
    public boolean actsFor(String orgId) {
        return orgScope == null || orgId != null && orgScope.contains(orgId);
    }

    public static CallerIdentity anonymous(String clientIp, Instant expiresAt) {
        return new CallerIdentity(null, null, null, AuthType.ANONYMOUS, clientIp, expiresAt);
    }
}
