package fr.wastetrace.webhook.store;

import fr.wastetrace.events.company.WebhookSettingState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of the settings' copy ({@code webhook_target}): applying events, leases, deactivation requests. */
public final class Targets {
    private static final String COLUMNS = "setting_id, company_id, org_id, endpoint_uri, sealed_token, "
            + "sealed_signing_secret, activated, deleted, version, failures_counted_since, deactivation_requested_at";

    private Targets() {
    }

    /**
     * Applies a setting event if it is newer than the copy. A newer event answers any deactivation this service
     * asked for (an administrator who reactivates, or the deactivation itself); a reactivation also restarts the
     * failure count.
     *
     * @return true when the copy changed
     */
    public static boolean apply(Connection c, WebhookSettingState state, long version, boolean deleted)
            throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into webhook_target (setting_id, company_id, org_id, endpoint_uri, sealed_token,
                    sealed_signing_secret, activated, deleted, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (setting_id) do update set company_id = excluded.company_id, org_id = excluded.org_id,
                    endpoint_uri = excluded.endpoint_uri, sealed_token = excluded.sealed_token,
                    sealed_signing_secret = excluded.sealed_signing_secret, activated = excluded.activated,
                    deleted = excluded.deleted, version = excluded.version,
                    failures_counted_since = case when excluded.activated and not webhook_target.activated
                        then now() else webhook_target.failures_counted_since end,
                    deactivation_requested_at = null, deactivation_reported = false
                where webhook_target.version < excluded.version""")) {
            upsert.setString(1, state.id());
            upsert.setString(2, state.companyId());
            upsert.setString(3, state.orgId());
            upsert.setString(4, state.endpointUri());
            upsert.setString(5, state.sealedToken());
            upsert.setString(6, state.sealedSigningSecret());
            upsert.setBoolean(7, state.activated() && !deleted);
            upsert.setBoolean(8, deleted);
            upsert.setLong(9, version);
            return upsert.executeUpdate() > 0;
        }
    }

    /** The settings that receive the changes of a company's BSDs. */
    public static List<String> deliverableFor(Connection c, String orgId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select setting_id from webhook_target where org_id = ? "
                + "and activated and not deleted and deactivation_requested_at is null order by setting_id")) {
            select.setString(1, orgId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    public static Optional<Target> find(Connection c, String settingId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select " + COLUMNS + " from webhook_target where setting_id = ?")) {
            select.setString(1, settingId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Takes the lease of one endpoint whose oldest pending delivery is due and whose lease is free or expired; the
     * endpoint's deliveries then go out one at a time, in order, from this worker only.
     */
    public static Optional<String> leaseDueEndpoint(Connection c, String owner, Duration lease) throws SQLException {
        try (PreparedStatement claim = c.prepareStatement("""
                update webhook_target set lease_owner = ?, lease_until = now() + ?::interval
                where setting_id = (
                    select t.setting_id from webhook_target t
                    join lateral (select d.next_attempt_at from delivery d
                                  where d.setting_id = t.setting_id and d.status = 'PENDING'
                                  order by d.seq limit 1) head on true
                    where head.next_attempt_at <= now() and (t.lease_until is null or t.lease_until < now())
                    order by head.next_attempt_at
                    limit 1 for update of t skip locked)
                returning setting_id""")) {
            claim.setString(1, owner);
            claim.setString(2, lease.toMillis() + " milliseconds");
            try (ResultSet rs = claim.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Extends a lease this owner holds; false when it lost it (expired and taken by another worker). */
    public static boolean renewLease(Connection c, String settingId, String owner, Duration lease) throws SQLException {
        try (PreparedStatement renew = c.prepareStatement("update webhook_target set lease_until = now() + ?::interval "
                + "where setting_id = ? and lease_owner = ?")) {
            renew.setString(1, lease.toMillis() + " milliseconds");
            renew.setString(2, settingId);
            renew.setString(3, owner);
            return renew.executeUpdate() > 0;
        }
    }

    public static void releaseLease(Connection c, String settingId, String owner) throws SQLException {
        try (PreparedStatement release = c.prepareStatement("update webhook_target set lease_owner = null, "
                + "lease_until = null where setting_id = ? and lease_owner = ?")) {
            release.setString(1, settingId);
            release.setString(2, owner);
            release.executeUpdate();
        }
    }

    /** Stops deliveries to the endpoint until company-service's next event about it (see the deactivation loop). */
    public static void requestDeactivation(Connection c, String settingId) throws SQLException {
        try (PreparedStatement request = c.prepareStatement("update webhook_target set deactivation_requested_at = now(), "
                + "deactivation_reported = false where setting_id = ? and deactivation_requested_at is null")) {
            request.setString(1, settingId);
            request.executeUpdate();
        }
    }

    /** The deactivations asked for and not yet acknowledged by company-service. */
    public static List<Target> unreportedDeactivations(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select " + COLUMNS + " from webhook_target "
                + "where deactivation_requested_at is not null and not deactivation_reported")) {
            List<Target> targets = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    targets.add(read(rs));
                }
            }
            return targets;
        }
    }

    public static void markDeactivationReported(Connection c, String settingId, long version) throws SQLException {
        try (PreparedStatement mark = c.prepareStatement("update webhook_target set deactivation_reported = true "
                + "where setting_id = ? and version = ? and deactivation_requested_at is not null")) {
            mark.setString(1, settingId);
            mark.setLong(2, version);
            mark.executeUpdate();
        }
    }

    private static Target read(ResultSet rs) throws SQLException {
        return new Target(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), rs.getLong(9), instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
