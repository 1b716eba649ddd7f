package fr.wastetrace.company.directory;

import fr.wastetrace.company.Timestamps;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The notices users file and what the accepted ones made known. This is the platform's own record, kept beside the
 * official directory ({@link Directory}), which only the SIRENE files ({@link SireneLoader}) ever write.
 */
@ApplicationScoped
public class AnonymousCompanies {
    private static final String REQUEST_COLUMNS = "r.id, r.siret, r.name, r.address, r.naf, r.notice_date, r.status, "
            + "r.verified_by, u.email, r.decision_reason, r.created_at, r.decided_at";

    @Inject
    AgroalDataSource dataSource;

    /**
     * An establishment an accepted notice made known, as a directory entry (active and shown, since its owner's notice
     * was confirmed); empty when none was accepted.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DirectoryEntry> find(String siret) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select siret, name, address, naf from anonymous_company where siret = ?")) {
            statement.setString(1, siret);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DirectoryEntry(row.getString(1), row.getString(1).substring(0, 9),
                        row.getString(2), row.getString(3), new DirectoryEntry.Address(null, null, null), null, null,
                        row.getString(4), "A", "O"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the anonymous companies", e);
        }
    }

    /** Whether this user already has a pending request for the establishment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasPending(String siret, String userId) {
        return exists("select 1 from anonymous_company_request where siret = ? and requested_by = ? and status = 'PENDING'",
                siret, userId);
    }

    /**
     * Records a notice as a request: accepted at once when the official directory confirmed it (and then made known),
     * pending otherwise. Returns the request's id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String file(SireneNotice.Data notice, String userId, boolean confirmedByDirectory) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = Timestamps.now();
        update("insert into anonymous_company_request (id, siret, name, address, naf, notice_date, requested_by, status, "
                        + "verified_by, created_at, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, notice.siret(), notice.name(), notice.address(), notice.naf(), Date.valueOf(notice.issuedOn()), userId,
                confirmedByDirectory ? "ACCEPTED" : "PENDING", confirmedByDirectory ? "DIRECTORY" : null,
                Timestamp.from(now.toInstant()), confirmedByDirectory ? Timestamp.from(now.toInstant()) : null);
        if (confirmedByDirectory) {
            makeKnown(id, now);
        }
        return id;
    }

    /** The requests in a status, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AnonymousCompanyRequest> list(AnonymousCompanyRequestStatus status, int first) {
        return requests("select " + REQUEST_COLUMNS + " from anonymous_company_request r join user_account u "
                + "on u.id = r.requested_by where r.status = ? order by r.created_at, r.id limit " + first, status.name());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AnonymousCompanyRequest> get(String id) {
        return requests("select " + REQUEST_COLUMNS + " from anonymous_company_request r join user_account u "
                + "on u.id = r.requested_by where r.id = ?", id).stream().findFirst();
    }

    /** An administrator's decision on a pending request; an accepted one makes the establishment known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decide(String id, boolean accept, String adminId, String reason) {
        OffsetDateTime now = Timestamps.now();
        update("update anonymous_company_request set status = ?, verified_by = ?, decided_by = ?, decision_reason = ?, "
                        + "decided_at = ? where id = ? and status = 'PENDING'",
                accept ? "ACCEPTED" : "REJECTED", accept ? "ADMIN" : null, adminId, reason,
                Timestamp.from(now.toInstant()), id);
        if (accept) {
            makeKnown(id, now);
        }
    }

    private void makeKnown(String requestId, OffsetDateTime now) {
        update("insert into anonymous_company (siret, name, address, naf, request_id, created_at) "
                + "select siret, name, address, naf, id, ? from anonymous_company_request where id = ? "
                + "on conflict (siret) do update set name = excluded.name, address = excluded.address, naf = excluded.naf, "
                + "request_id = excluded.request_id, created_at = excluded.created_at",
                Timestamp.from(now.toInstant()), requestId);
    }

    private boolean exists(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the anonymous company requests", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the anonymous company requests", e);
        }
    }

    private List<AnonymousCompanyRequest> requests(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<AnonymousCompanyRequest> requests = new ArrayList<>();
            while (rows.next()) {
                AnonymousCompanyRequest request = new AnonymousCompanyRequest();
                request.id = rows.getString(1);
                request.siret = rows.getString(2);
                request.name = rows.getString(3);
                request.address = rows.getString(4);
                request.naf = rows.getString(5);
                request.noticeDate = rows.getDate(6).toLocalDate().toString();
                request.status = AnonymousCompanyRequestStatus.valueOf(rows.getString(7));
                request.verifiedBy = rows.getString(8);
                request.requestedBy = rows.getString(9);
                request.decisionReason = rows.getString(10);
                request.createdAt = offset(rows.getTimestamp(11));
                request.decidedAt = offset(rows.getTimestamp(12));
                requests.add(request);
            }
            return requests;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the anonymous company requests", e);
        }
    }

    private static OffsetDateTime offset(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
