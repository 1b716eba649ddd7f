package fr.wastetrace.gateway.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keycloak access tokens whose signature, issuer and audience were verified, with the claims the gateway uses, until
 * the token's own expiry. Verifying a JWT (an RSA signature check) was the gateway's largest per-request cost, and a
 * client sends the same token with every request for its lifetime; the token is self-contained, so a verified one
 * stays valid until it expires, exactly as re-verifying it would say. Keyed by the whole token, so that a token differing
 * in any byte is verified afresh. Bounded: beyond {@code capacity} entries the expired ones are dropped, and if that is
 * not enough, all of them.
 */
final class VerifiedTokens {
    /** The claims of a verified token, and when it expires. */
    record Claims(String subject, String email, String name, Instant expiresAt) {
    }

    private final ConcurrentHashMap<String, Claims> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final Clock clock;

    VerifiedTokens(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The claims of this token if it was verified and has not expired yet; null otherwise. */
    Claims get(String token) {
        Claims claims = entries.get(token);
        if (claims == null) {
            return null;
        }
        if (!clock.instant().isBefore(claims.expiresAt())) {
            entries.remove(token, claims);
            return null;
        }
        return claims;
    }

    /** Remembers a token that has just been verified (not one that has already expired). */
    void put(String token, Claims claims) {
        if (claims.expiresAt() == null || !clock.instant().isBefore(claims.expiresAt())) {
            return;
        }
        if (entries.size() >= capacity) {
            Instant now = clock.instant();
            entries.values().removeIf(c -> !now.isBefore(c.expiresAt()));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(token, claims);
    }

    int size() {
        return entries.size();
    }
}
