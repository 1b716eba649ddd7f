package fr.wastetrace.company.exports;

import fr.wastetrace.company.Timestamps;
import fr.wastetrace.company.config.CompanyConfig;
import fr.wastetrace.company.tokens.TokenHasher;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Single-use download tokens, valid {@code wastetrace.company.download.ttl}. The prefix {@code company.} tells the
 * gateway's {@code /download} route which service serves the file.
 */
@ApplicationScoped
public class DownloadTokens {
    public static final String PREFIX = "company.";

    @Inject
    TokenHasher hasher;
    @Inject
    CompanyConfig config;

    /** What a link grants: the user's companies in a format, only those of {@code orgScope} when it is not null. */
    public record Grant(String userId, CompaniesExport.Format format, Set<String> orgScope) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(String userId, CompaniesExport.Format format, Set<String> orgScope) {
        String token = PREFIX + hasher.newToken();
        Panache.getEntityManager().createNativeQuery("delete from download_token where expires_at < now()").executeUpdate();
        Panache.getEntityManager().createNativeQuery(
                        "insert into download_token (token_hash, user_id, format, expires_at, org_scope) "
                                + "values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, hasher.hash(token))
                .setParameter(2, userId)
                .setParameter(3, format.name())
                .setParameter(4, Timestamps.now().plus(config.download().ttl()))
                .setParameter(5, orgScope == null ? null : String.join(",", orgScope))
                .executeUpdate();
        return token;
    }

    /** What the token grants, consumed: a second use, or a use after expiry, finds nothing. */
    @Transactional
    public Optional<Grant> redeem(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                        "delete from download_token where token_hash = ?1 returning user_id, format, expires_at > now(), "
                                + "org_scope")
                .setParameter(1, hasher.hash(token))
                .getResultList();
        return rows.stream().filter(row -> Boolean.TRUE.equals(row[2]))
                .map(row -> new Grant((String) row[0], CompaniesExport.Format.valueOf((String) row[1]),
                        row[3] == null ? null : Set.of(((String) row[3]).split(","))))
                .findFirst();
    }
}
