package fr.wastetrace.webhook.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** SQL of the delivery queue ({@code delivery}), of the attempts' log and of the BSDs' last parties. */
public final class Deliveries {
    private Deliveries() {
    }

    /** The companies of the BSD's last state seen, and its version. */
    public record Parties(Set<String> orgIds, long version) {
    }

    public static Optional<Parties> parties(Connection c, String bsdId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select org_ids, version from bsd_parties where bsd_id = ?")) {
            select.setString(1, bsdId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String[] orgIds = (String[]) rs.getArray(1).getArray();
                return Optional.of(new Parties(Set.copyOf(Arrays.asList(orgIds)), rs.getLong(2)));
            }
        }
    }

    public static void saveParties(Connection c, String bsdId, String aggregateType, String readableId,
                                   Set<String> orgIds, long version, boolean deleted) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into bsd_parties (bsd_id, aggregate_type, readable_id, org_ids, version, deleted)
                values (?, ?, ?, ?, ?, ?)
                on conflict (bsd_id) do update set readable_id = excluded.readable_id, org_ids = excluded.org_ids,
                    version = excluded.version, deleted = excluded.deleted""")) {
            upsert.setString(1, bsdId);
            upsert.setString(2, aggregateType);
            upsert.setString(3, readableId);
            upsert.setArray(4, c.createArrayOf("text", orgIds.toArray()));
            upsert.setLong(5, version);
            upsert.setBoolean(6, deleted);
            upsert.executeUpdate();
        }
    }

    /**
     * Queues one delivery. Its id, derived from the event and the setting, is the same however often the event is
     * read again, so that a replay never queues it twice.
     */
    public static void enqueue(Connection c, UUID id, String settingId, String bsdId, String readableId, String action,
                               Instant occurredAt, String traceParent) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into delivery (id, setting_id, bsd_id, readable_id, action, occurred_at, trace_parent)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")) {
            insert.setObject(1, id);
            insert.setString(2, settingId);
            insert.setString(3, bsdId);
            insert.setString(4, readableId);
            insert.setString(5, action);
            insert.setTimestamp(6, Timestamp.from(occurredAt));
            insert.setString(7, traceParent);
            insert.executeUpdate();
        }
    }

    /** The endpoint's oldest pending deliveries, in the order they must go out. */
    public static List<PendingDelivery> pending(Connection c, String settingId, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select seq, id, setting_id, readable_id, action, occurred_at, attempts, next_attempt_at, trace_parent
                from delivery where setting_id = ? and status = 'PENDING' order by seq limit ?""")) {
            select.setString(1, settingId);
            select.setInt(2, limit);
            List<PendingDelivery> pending = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    pending.add(new PendingDelivery(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7),
                            rs.getTimestamp(8).toInstant(), rs.getString(9)));
                }
            }
            return pending;
        }
    }

    /** A successful attempt, in one statement: the delivery is done and its attempt recorded. */
    public static void delivered(Connection c, long seq, AttemptRecord attempt) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                with done as (update delivery set status = 'DELIVERED', attempts = ?, finished_at = now()
                              where seq = ? and status = 'PENDING')
                insert into delivery_attempt (setting_id, delivery_id, action, readable_id, attempt, attempted_at,
                    http_status, outcome, latency_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            update.setInt(1, attempt.attempt());
            update.setLong(2, seq);
            update.setString(3, attempt.settingId());
            update.setObject(4, attempt.deliveryId());
            update.setString(5, attempt.action());
            update.setString(6, attempt.readableId());
            update.setInt(7, attempt.attempt());
            update.setTimestamp(8, Timestamp.from(attempt.attemptedAt()));
            update.setObject(9, attempt.httpStatus(), Types.INTEGER);
            update.setString(10, attempt.outcome());
            update.setInt(11, attempt.latencyMs());
            update.executeUpdate();
        }
    }

    public static void markGaveUp(Connection c, long seq, int attempts) throws SQLException {
        finish(c, seq, attempts, "GAVE_UP");
    }

    private static void finish(Connection c, long seq, int attempts, String status) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update delivery set status = ?, attempts = ?, "
                + "finished_at = now() where seq = ?")) {
            update.setString(1, status);
            update.setInt(2, attempts);
            update.setLong(3, seq);
            update.executeUpdate();
        }
    }

    public static void retryLater(Connection c, long seq, int attempts, Duration delay) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update delivery set attempts = ?, "
                + "next_attempt_at = now() + ?::interval where seq = ?")) {
            update.setInt(1, attempts);
            update.setString(2, delay.toMillis() + " milliseconds");
            update.setLong(3, seq);
            update.executeUpdate();
        }
    }

    /** Drops what an endpoint still had to receive (its setting was deactivated or deleted); returns how many. */
    public static int dropPending(Connection c, String settingId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update delivery set status = 'DROPPED', finished_at = now() "
                + "where setting_id = ? and status = 'PENDING'")) {
            update.setString(1, settingId);
            return update.executeUpdate();
        }
    }

    public static void recordAttempt(Connection c, AttemptRecord attempt) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into delivery_attempt (setting_id, delivery_id, action, readable_id, attempt, attempted_at,
                    http_status, outcome, latency_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, attempt.settingId());
            insert.setObject(2, attempt.deliveryId());
            insert.setString(3, attempt.action());
            insert.setString(4, attempt.readableId());
            insert.setInt(5, attempt.attempt());
            insert.setTimestamp(6, Timestamp.from(attempt.attemptedAt()));
            if (attempt.httpStatus() == null) {
                insert.setNull(7, Types.INTEGER);
            } else {
                insert.setInt(7, attempt.httpStatus());
            }
            insert.setString(8, attempt.outcome());
            insert.setInt(9, attempt.latencyMs());
            insert.executeUpdate();
        }
    }

    /** Failed attempts (pings excluded) since the later of the two instants. */
    public static int failuresSince(Connection c, String settingId, Instant since) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("select count(*) from delivery_attempt where setting_id = ? "
                + "and delivery_id is not null and outcome <> 'DELIVERED' and attempted_at > ?")) {
            count.setString(1, settingId);
            count.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The setting's last attempts, newest first. */
    public static List<AttemptRecord> lastAttempts(Connection c, String settingId, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select setting_id, delivery_id, action, readable_id, attempt, attempted_at, http_status, outcome,
                    latency_ms from delivery_attempt where setting_id = ? order by attempted_at desc, id desc limit ?""")) {
            select.setString(1, settingId);
            select.setInt(2, limit);
            List<AttemptRecord> attempts = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int status = rs.getInt(7);
                    attempts.add(new AttemptRecord(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant(),
                            rs.wasNull() ? null : status, rs.getString(8), rs.getInt(9)));
                }
            }
            return attempts;
        }
    }

    /** Deletes finished deliveries and attempts older than the retention; returns how many rows went. */
    public static int purge(Connection c, Duration retention) throws SQLException {
        int removed = 0;
        try (PreparedStatement deliveries = c.prepareStatement("delete from delivery where status <> 'PENDING' "
                + "and finished_at < now() - ?::interval");
             PreparedStatement attempts = c.prepareStatement("delete from delivery_attempt "
                     + "where attempted_at < now() - ?::interval")) {
            deliveries.setString(1, retention.toMillis() + " milliseconds");
            attempts.setString(1, retention.toMillis() + " milliseconds");
            removed += deliveries.executeUpdate();
            removed += attempts.executeUpdate();
        }
        return removed;
    }
}
