package fr.wastetrace.bsd.bsdd.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.bsd.BsddEvents;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * BSDDs, their transporters and status logs in PostgreSQL. The document of a BSDD is stored as JSON; the columns
 * beside it (org ids by role, waste code, dates) are recomputed from it on every write, for queries and permissions.
 * Callers run inside a transaction; {@link #findForUpdate} locks the row so that two changes of one BSDD queue.
 */
@ApplicationScoped
public class BsddRepository {
    private static final String FORM_COLUMNS = "id, readable_id, status, version, owner_subject, is_deleted, created_at, "
            + "updated_at, draft_access_org_ids, data";

    private final Jdbc jdbc;

    @Inject
    public BsddRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BsddRecord> find(String id) {
        return one("select " + FORM_COLUMNS + " from bsdd where id = ? and not is_deleted", id);
    }

    public Optional<BsddRecord> findByReadableId(String readableId) {
        return one("select " + FORM_COLUMNS + " from bsdd where readable_id = ? and not is_deleted", readableId);
    }

    /** The BSDD, its row locked until the end of the transaction. */
    public Optional<BsddRecord> findForUpdate(String id) {
        return one("select " + FORM_COLUMNS + " from bsdd where id = ? and not is_deleted for update", id);
    }

    public boolean readableIdExists(String readableId) {
        return query("select 1 from bsdd where readable_id = ?", ps -> ps.setString(1, readableId), rs -> true)
                .stream().findFirst().orElse(false);
    }

    public void insert(BsddRecord form, List<TransporterRecord> transporters) {
        execute("""
                insert into bsdd (id, readable_id, status, version, owner_subject, is_deleted, created_at, updated_at,
                    custom_id, waste_code, sent_at, emitter_org_id, recipient_org_id, trader_org_id, broker_org_id,
                    eco_organisme_org_id, transporter_org_ids, intermediary_org_ids, draft_access_org_ids, data)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""", (c, ps) -> {
            ps.setString(1, form.id);
            ps.setString(2, form.readableId);
            ps.setString(3, form.status);
            ps.setLong(4, form.version);
            ps.setString(5, form.ownerSubject);
            ps.setBoolean(6, form.isDeleted);
            ps.setTimestamp(7, Timestamp.from(form.createdAt));
            ps.setTimestamp(8, Timestamp.from(form.updatedAt));
            bindDerived(c, ps, 9, form, transporters);
        });
    }

    public void update(BsddRecord form, List<TransporterRecord> transporters) {
        execute("""
                update bsdd set status = ?, version = ?, is_deleted = ?, updated_at = ?, custom_id = ?, waste_code = ?,
                    sent_at = ?, emitter_org_id = ?, recipient_org_id = ?, trader_org_id = ?, broker_org_id = ?,
                    eco_organisme_org_id = ?, transporter_org_ids = ?, intermediary_org_ids = ?,
                    draft_access_org_ids = ?, data = cast(? as jsonb)
                where id = ?""", (c, ps) -> {
            ps.setString(1, form.status);
            ps.setLong(2, form.version);
            ps.setBoolean(3, form.isDeleted);
            ps.setTimestamp(4, Timestamp.from(form.updatedAt));
            bindDerived(c, ps, 5, form, transporters);
            ps.setString(17, form.id);
        });
    }

    private static void bindDerived(Connection c, PreparedStatement ps, int first, BsddRecord form,
                                    List<TransporterRecord> transporters) throws SQLException {
        BsddData d = form.data;
        ps.setString(first, d.customId);
        ps.setString(first + 1, d.wasteDetails == null ? null : d.wasteDetails.code);
        ps.setTimestamp(first + 2, d.sentAt == null ? null : Timestamp.from(d.sentAt));
        ps.setString(first + 3, d.emitter == null ? null : orgId(d.emitter.company));
        ps.setString(first + 4, d.recipient == null ? null : orgId(d.recipient.company));
        ps.setString(first + 5, d.trader == null ? null : orgId(d.trader.company));
        ps.setString(first + 6, d.broker == null ? null : orgId(d.broker.company));
        ps.setString(first + 7, d.ecoOrganisme == null ? null : d.ecoOrganisme.siret);
        ps.setArray(first + 8, c.createArrayOf("text",
                transporters.stream().map(t -> orgId(t.data.company)).map(o -> o == null ? "" : o).toArray()));
        ps.setArray(first + 9, c.createArrayOf("text",
                d.intermediaries.stream().map(BsddRepository::orgId).filter(Objects::nonNull).toArray()));
        ps.setArray(first + 10, c.createArrayOf("text", form.draftAccessOrgIds.toArray()));
        ps.setString(first + 11, json(d));
    }

    private static String orgId(FormCompany company) {
        return company == null ? null : company.identifier();
    }

    // ---- transporters

    public List<TransporterRecord> transporters(String formId) {
        return query("select id, bsdd_id, number, created_at, data from bsdd_transporter where bsdd_id = ? order by number",
                ps -> ps.setString(1, formId), BsddRepository::transporter);
    }

    public Optional<TransporterRecord> findTransporterForUpdate(String id) {
        return query("select id, bsdd_id, number, created_at, data from bsdd_transporter where id = ? for update",
                ps -> ps.setString(1, id), BsddRepository::transporter).stream().findFirst();
    }

    /** Inserts a transporter new to the BSDD unless it exists already (made by createFormTransporter), else updates it. */
    public void saveTransporter(TransporterRecord t, boolean isNew) {
        if (isNew && findTransporterForUpdate(t.id()).isEmpty()) {
            insertTransporter(t);
        } else {
            updateTransporter(t);
        }
    }

    public void insertTransporter(TransporterRecord t) {
        execute("insert into bsdd_transporter (id, bsdd_id, number, org_id, created_at, data) values (?, ?, ?, ?, ?, cast(? as jsonb))",
                (c, ps) -> {
                    ps.setString(1, t.id());
                    ps.setString(2, t.formId);
                    ps.setInt(3, t.number);
                    ps.setString(4, orgId(t.data.company));
                    ps.setTimestamp(5, Timestamp.from(t.createdAt));
                    ps.setString(6, json(t.data));
                });
    }

    public void updateTransporter(TransporterRecord t) {
        execute("update bsdd_transporter set bsdd_id = ?, number = ?, org_id = ?, data = cast(? as jsonb) where id = ?",
                (c, ps) -> {
                    ps.setString(1, t.formId);
                    ps.setInt(2, t.number);
                    ps.setString(3, orgId(t.data.company));
                    ps.setString(4, json(t.data));
                    ps.setString(5, t.id());
                });
    }

    public void deleteTransporter(String id) {
        execute("delete from bsdd_transporter where id = ?", (c, ps) -> ps.setString(1, id));
    }

    private static TransporterRecord transporter(ResultSet rs) throws SQLException {
        TransporterRecord t = new TransporterRecord();
        t.formId = rs.getString(2);
        t.number = rs.getInt(3);
        t.createdAt = rs.getTimestamp(4).toInstant();
        t.data = read(rs.getString(5), Transporter.class);
        t.data.id = rs.getString(1);
        return t;
    }

    // ---- status logs

    public void insertStatusLog(StatusLogRecord log) {
        execute("""
                insert into bsdd_status_log (id, bsdd_id, status, logged_at, updated_fields, user_subject, user_email)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?)""", (c, ps) -> {
            ps.setString(1, log.id());
            ps.setString(2, log.formId());
            ps.setString(3, log.status().name());
            ps.setTimestamp(4, Timestamp.from(log.loggedAt()));
            ps.setString(5, log.updatedFields().toString());
            ps.setString(6, log.userSubject());
            ps.setString(7, log.userEmail());
        });
    }

    /** Status logs of the BSDDs an org can see, newest first, after the filters of {@code formsLifeCycle}. */
    public List<StatusLogRecord> statusLogs(BsddListQuery.LifeCycle q) {
        StringBuilder sql = new StringBuilder("""
                select l.id, l.bsdd_id, b.readable_id, l.status, l.logged_at, l.updated_fields, l.user_subject, l.user_email
                from bsdd_status_log l join bsdd b on b.id = l.bsdd_id
                where not b.is_deleted and """).append(BsddListQuery.VISIBLE_TO_ORG);
        List<Object> params = new ArrayList<>(List.of(q.orgId(), q.orgId(), q.orgId(), q.orgId()));
        if (q.formId() != null) {
            sql.append(" and l.bsdd_id = ?");
            params.add(q.formId());
        }
        if (q.loggedAfter() != null) {
            sql.append(" and l.logged_at >= ?");
            params.add(Timestamp.from(q.loggedAfter()));
        }
        if (q.loggedBefore() != null) {
            sql.append(" and l.logged_at <= ?");
            params.add(Timestamp.from(q.loggedBefore()));
        }
        boolean backwards = q.cursorBefore() != null;
        if (q.cursorAfter() != null) {
            sql.append(" and (l.logged_at, l.id) < (select logged_at, id from bsdd_status_log where id = ?)");
            params.add(q.cursorAfter());
        }
        if (backwards) {
            sql.append(" and (l.logged_at, l.id) > (select logged_at, id from bsdd_status_log where id = ?)");
            params.add(q.cursorBefore());
        }
        sql.append(backwards ? " order by l.logged_at, l.id limit ?" : " order by l.logged_at desc, l.id desc limit ?");
        params.add(q.limit());
        List<StatusLogRecord> logs = query(sql.toString(), ps -> bind(ps, params), rs -> new StatusLogRecord(
                rs.getString(1), rs.getString(2), rs.getString(3), FormStatus.valueOf(rs.getString(4)),
                rs.getTimestamp(5).toInstant(), readTree(rs.getString(6)), rs.getString(7), rs.getString(8)));
        if (backwards) {
            Collections.reverse(logs);
        }
        return logs;
    }

    // ---- lists

    /** The page of BSDDs {@code forms} returns, newest first. */
    public List<BsddRecord> list(BsddListQuery q) {
        StringBuilder sql = new StringBuilder("select " + FORM_COLUMNS + " from bsdd b where not b.is_deleted and ");
        List<Object> params = new ArrayList<>();
        q.appendFilters(sql, params);
        boolean backwards = q.cursorBefore() != null;
        if (q.cursorAfter() != null) {
            sql.append(" and b.row_number < coalesce((select row_number from bsdd where id = ?), 0)");
            params.add(q.cursorAfter());
        }
        if (backwards) {
            sql.append(" and b.row_number > coalesce((select row_number from bsdd where id = ?), 9223372036854775807)");
            params.add(q.cursorBefore());
        }
        sql.append(backwards ? " order by b.row_number asc" : " order by b.row_number desc");
        sql.append(" limit ? offset ?");
        params.add(q.limit());
        params.add(q.skip());
        List<BsddRecord> page = query(sql.toString(), ps -> bind(ps, params), BsddRepository::form);
        if (backwards) {
            Collections.reverse(page);
        }
        return page;
    }

    /** Transporters of many BSDDs at once, for list views. */
    public List<TransporterRecord> transportersOf(List<String> formIds) {
        if (formIds.isEmpty()) {
            return List.of();
        }
        return query("select id, bsdd_id, number, created_at, data from bsdd_transporter where bsdd_id = any(?) order by bsdd_id, number",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", formIds.toArray())), BsddRepository::transporter);
    }

    /** The draft access list of a BSDD, deleted or not: its events do not carry it. */
    public Set<String> draftAccessOrgIds(String id) {
        return query("select draft_access_org_ids from bsdd where id = ?", ps -> ps.setString(1, id),
                rs -> (Set<String>) new LinkedHashSet<>(Arrays.asList((String[]) rs.getArray(1).getArray())))
                .stream().findFirst().orElseGet(LinkedHashSet::new);
    }

    /**
     * The payload of the BSDD's event of {@code version}, while the outbox keeps it: libs/outbox purges published
     * events after its retention period (7 days by default).
     */
    public Optional<JsonNode> publishedState(String id, long version) {
        return query("select payload from outbox_event where aggregate_type = ? and aggregate_id = ? and version = ?",
                ps -> {
                    ps.setString(1, BsddEvents.AGGREGATE_TYPE);
                    ps.setString(2, id);
                    ps.setLong(3, version);
                }, rs -> readTree(rs.getString(1))).stream().findFirst();
    }

    // ---- plumbing

    private Optional<BsddRecord> one(String sql, String param) {
        return query(sql, ps -> ps.setString(1, param), BsddRepository::form).stream().findFirst();
    }

    private static BsddRecord form(ResultSet rs) throws SQLException {
        BsddRecord f = new BsddRecord();
        f.id = rs.getString(1);
        f.readableId = rs.getString(2);
        f.setStatus(FormStatus.valueOf(rs.getString(3)));
        f.version = rs.getLong(4);
        f.ownerSubject = rs.getString(5);
        f.isDeleted = rs.getBoolean(6);
        f.createdAt = rs.getTimestamp(7).toInstant();
        f.updatedAt = rs.getTimestamp(8).toInstant();
        Array access = rs.getArray(9);
        f.draftAccessOrgIds = new LinkedHashSet<>(Arrays.asList((String[]) access.getArray()));
        f.data = read(rs.getString(10), BsddData.class);
        return f;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] array) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("text", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    static String json(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a BSDD document", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable BSDD document", e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column", e);
        }
    }

    <T> List<T> query(String sql, Jdbc.Binder binder, Jdbc.RowMapper<T> mapper) {
        return jdbc.query(sql, binder, mapper);
    }

    private void execute(String sql, Jdbc.ConnectionBinder binder) {
        jdbc.update(sql, binder);
    }
}
