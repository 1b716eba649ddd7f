package fr.wastetrace.company.tokens;

import fr.wastetrace.company.CommittedPositions;
import fr.wastetrace.company.Timestamps;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.events.company.AccessTokenRevoked;
import fr.wastetrace.identity.WrittenPositions;
import fr.wastetrace.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Personal access tokens: creation, revocation (published, so that the gateway forgets them), resolution. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccessTokens {
    /** {@code lastUsed} is a day-precision indication: writing it on every call would cost a write per request. */
    static final Duration LAST_USED_PRECISION = Duration.ofDays(1);

    @Inject
    TokenHasher hasher;
    @Inject
    Outbox outbox;
    @Inject
    CommittedPositions positions;

    /** A resolved token: whom it authenticates, and how it is restricted (it may have expired: the gateway says so). */
    public record Owner(String tokenId, UserAccountEntity user, AccessTokenEntity token) {
    }

    public NewAccessToken create(UserAccountEntity owner, String description, TokenRestrictions restrictions) {
        String token = hasher.newToken();
        AccessTokenEntity entity = new AccessTokenEntity();
        entity.id = UUID.randomUUID().toString();
        entity.userId = owner.id;
        entity.description = description;
        entity.tokenHash = hasher.hash(token);
        entity.createdAt = Timestamps.now();
        entity.expiresAt = restrictions.expiresAt();
        entity.readOnly = restrictions.readOnly();
        entity.orgIds = restrictions.orgIds() == null ? null : String.join(",", restrictions.orgIds());
        entity.persist();
        NewAccessToken created = new NewAccessToken();
        created.id = entity.id;
        created.description = description;
        created.token = token;
        return created;
    }

    public void revoke(UserAccountEntity owner, AccessTokenEntity token) {
        token.revokedAt = Timestamps.now();
        outbox.publish(AccessTokenRevoked.REVOKED, AccessTokenRevoked.AGGREGATE_TYPE, token.id, 1,
                AccessTokenRevoked.SCHEMA_VERSION, new AccessTokenRevoked(token.id, owner.id, owner.subject));
        positions.committed(WrittenPositions.accessToken(token.id), 1, owner.subject);
    }

    /**
     * The owner of a token that was not revoked, recording its use at most once a day; an expired token is resolved
     * too (unused), so that the gateway can tell its caller when it expired.
     */
    public Optional<Owner> resolve(String token) {
        Optional<AccessTokenEntity> found = AccessTokenEntity.<AccessTokenEntity>find("tokenHash = ?1 and revokedAt is null",
                hasher.hash(token)).firstResultOptional();
        return found.map(entity -> {
            OffsetDateTime now = Timestamps.now();
            if (!entity.expiredAt(now) && (entity.lastUsed == null || entity.lastUsed.isBefore(now.minus(LAST_USED_PRECISION)))) {
                entity.lastUsed = now;
            }
            return new Owner(entity.id, UserAccountEntity.findById(entity.userId), entity);
        });
    }
}
