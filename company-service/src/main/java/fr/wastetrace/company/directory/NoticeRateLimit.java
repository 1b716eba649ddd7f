package fr.wastetrace.company.directory;

import fr.wastetrace.company.config.CompanyConfig;
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
import java.time.Duration;
import java.time.Instant;

/**
 * The per-user limit of createAnonymousCompanyFromPDF: at most {@code limit} calls per identity in any sliding
 * {@code window}, refused ones included, counted before the PDF is read. Counted in PostgreSQL, where the requests
 * themselves are: exact across replicas (an advisory lock per identity serialises its calls), and never open when the
 * store is down, since the mutation then fails anyway.
 */
@ApplicationScoped
public class NoticeRateLimit {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    CompanyConfig config;

    /** Counts one call of this identity, or refuses it ({@code TOO_MANY_REQUESTS}) beyond the limit. Commits at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void acquire(String subject) {
        Instant now = Instant.now();
        int limit = config.anonymousCompany().noticesPerUser();
        Duration window = config.anonymousCompany().noticesWindow();
        Instant since = now.minus(window);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "anonymous-company-notice:" + subject);
                lock.execute();
            }
            try (PreparedStatement purge = connection.prepareStatement(
                    "delete from anonymous_company_notice_attempt where subject = ? and at <= ?")) {
                purge.setString(1, subject);
                purge.setTimestamp(2, Timestamp.from(since));
                purge.executeUpdate();
            }
            Instant oldest = null;
            int count = 0;
            try (PreparedStatement select = connection.prepareStatement(
                    "select count(*), min(at) from anonymous_company_notice_attempt where subject = ?")) {
                select.setString(1, subject);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    count = row.getInt(1);
                    Timestamp min = row.getTimestamp(2);
                    oldest = min == null ? null : min.toInstant();
                }
            }
            if (count >= limit) {
                long minutes = Math.max(1, Duration.between(now, oldest.plus(window)).toMinutes() + 1);
                throw new ApiException.TooManyRequests("Vous avez déposé " + limit + " avis de situation en "
                        + (window.toHours() > 0 ? window.toHours() + " h" : window.toMinutes() + " min") + ", le maximum : réessayez dans " + minutes + " minutes, ou demandez "
                        + "à un administrateur de la plateforme de traiter vos demandes en attente.");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into anonymous_company_notice_attempt (subject, at) values (?, ?)")) {
                insert.setString(1, subject);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the notices filed", e);
        }
    }
}
