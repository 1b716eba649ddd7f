package fr.wastetrace.bsd.core.signature;

import fr.wastetrace.bsd.config.BsdConfig;
import fr.wastetrace.subgraph.ApiException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks a company's security code typed on someone else's device (spec bsdd.md §4.2), with brute-force protection
 * per (user, company): every attempt is counted before the check, in a transaction of its own so that the count
 * survives the failed mutation; after two failures in the window the next attempt is refused unseen and the pair is
 * locked for a while; a success clears the count.
 */
@ApplicationScoped
public class SecurityCodeGuard {
    static final int MAX_ATTEMPTS = 3;
    static final Duration WINDOW = Duration.ofMinutes(30);

    private final AgroalDataSource dataSource;
    private final Duration lock;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public SecurityCodeGuard(AgroalDataSource dataSource, BsdConfig config) {
        this.dataSource = dataSource;
        this.lock = config.securityCode().lock();
    }

    /** Returns normally when {@code given} is the company's code; otherwise throws the contract's error. */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = ApiException.class)
    public void check(String userSubject, String orgId, Integer expected, int given) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            int failures = 0;
            Instant lockedUntil = null;
            try (PreparedStatement insert = c.prepareStatement("insert into security_code_attempt (user_subject, org_id, "
                    + "failures, updated_at) values (?, ?, 0, ?) on conflict do nothing")) {
                insert.setString(1, userSubject);
                insert.setString(2, orgId);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("select failures, locked_until, updated_at from "
                    + "security_code_attempt where user_subject = ? and org_id = ? for update")) {
                select.setString(1, userSubject);
                select.setString(2, orgId);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    Instant updatedAt = rs.getTimestamp(3).toInstant();
                    failures = updatedAt.isBefore(now.minus(WINDOW)) ? 0 : rs.getInt(1);
                    Timestamp locked = rs.getTimestamp(2);
                    lockedUntil = locked == null ? null : locked.toInstant();
                }
            }
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                throw tooMany(Duration.between(now, lockedUntil));
            }
            if (failures >= MAX_ATTEMPTS - 1) {
                save(c, userSubject, orgId, 0, now.plus(lock), now);
                throw tooMany(lock);
            }
            if (expected != null && expected == given) {
                save(c, userSubject, orgId, 0, null, now);
                return;
            }
            save(c, userSubject, orgId, failures + 1, null, now);
            int left = MAX_ATTEMPTS - (failures + 1);
            throw new ApiException.Forbidden("Le code de signature saisi est incorrect ; encore " + left
                    + " tentative(s) possible(s) avant blocage temporaire.");
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the security code", e);
        }
    }

    private static ApiException tooMany(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ApiException.TooManyRequests("Trop de codes de signature erronés : la signature avec code est bloquée "
                + "pendant " + seconds + " secondes, réessayez ensuite.");
    }

    private static void save(Connection c, String user, String orgId, int failures, Instant lockedUntil, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update security_code_attempt set failures = ?, "
                + "locked_until = ?, updated_at = ? where user_subject = ? and org_id = ?")) {
            update.setInt(1, failures);
            update.setTimestamp(2, lockedUntil == null ? null : Timestamp.from(lockedUntil));
            update.setTimestamp(3, Timestamp.from(now));
            update.setString(4, user);
            update.setString(5, orgId);
            update.executeUpdate();
        }
    }
}
