package fr.wastetrace.company.tokens;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/** A personal access token; only the HMAC of the token is stored. */
@Entity
@Table(name = "access_token")
public class AccessTokenEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String userId;
    public String description;
    public String tokenHash;
    public OffsetDateTime createdAt;
    public OffsetDateTime lastUsed;
    public OffsetDateTime revokedAt;
    /** Null: the token does not expire. */
    public OffsetDateTime expiresAt;
    public boolean readOnly;
    /** The org ids the token may act for, comma-separated; null: every company of its owner. */
    public String orgIds;

    /** The org ids the token may act for; null when it is not restricted to some companies. */
    public List<String> scopeOrgIds() {
        return orgIds == null ? null : List.of(orgIds.split(","));
    }

    public boolean expiredAt(OffsetDateTime now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public static List<AccessTokenEntity> activeOf(String userId) {
        return list("userId = ?1 and revokedAt is null order by createdAt desc, id", userId);
    }
}
