package fr.wastetrace.bsd.bsdd.revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestApproval;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestContent;
import fr.wastetrace.bsd.common.RevisionRequestApprovalStatus;
import fr.wastetrace.bsd.common.RevisionRequestStatus;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Revision requests and their approvals in PostgreSQL. Callers run inside a transaction and lock the BSDD first
 * (then the request, {@link #findForUpdate}), so that the changes of one BSDD and of its requests queue.
 */
@ApplicationScoped
public class RevisionRepository {
    private static final String COLUMNS = "r.id, r.bsdd_id, r.authoring_org_id, r.authoring_company, r.comment, r.status, "
            + "r.content, r.initial_form, r.created_at, r.updated_at";
    /** The requests an org authored or must answer (2 parameters), on BSDDs that still exist. */
    private static final String CONCERNING_ORG = "not b.is_deleted and (r.authoring_org_id = ? or exists (select 1 from "
            + "bsdd_revision_request_approval a where a.revision_request_id = r.id and a.approver_org_id = ?))";

    /** The filters of a {@code formRevisionRequests} page. */
    public record Page(String orgId, RevisionRequestStatus status, String formIdEquals, List<String> formIdIn,
                       String formIdContains, String after, int limit) {
    }

    private final Jdbc jdbc;

    @Inject
    public RevisionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RevisionRecord> find(String id) {
        return one("select " + COLUMNS + " from bsdd_revision_request r where r.id = ?", id);
    }

    /** The request, its row locked until the end of the transaction. */
    public Optional<RevisionRecord> findForUpdate(String id) {
        return one("select " + COLUMNS + " from bsdd_revision_request r where r.id = ? for update", id);
    }

    public boolean hasPending(String formId) {
        return !query("select 1 from bsdd_revision_request where bsdd_id = ? and status = 'PENDING'",
                List.of(formId), rs -> true).isEmpty();
    }

    /** The BSDD's most recent request, whatever its status. */
    public Optional<RevisionRecord> latest(String formId) {
        return withApprovals(query("select " + COLUMNS + " from bsdd_revision_request r where r.bsdd_id = ? "
                + "order by r.created_at desc, r.id desc limit 1", List.of(formId), RevisionRepository::revision))
                .stream().findFirst();
    }

    public void insert(RevisionRecord r) {
        execute("""
                insert into bsdd_revision_request (id, bsdd_id, authoring_org_id, authoring_company, comment, status,
                    content, initial_form, created_at, updated_at)
                values (?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)""", ps -> {
            ps.setString(1, r.id);
            ps.setString(2, r.formId);
            ps.setString(3, r.authoringOrgId);
            ps.setString(4, json(r.authoringCompany));
            ps.setString(5, r.comment);
            ps.setString(6, r.status.name());
            ps.setString(7, json(r.content));
            ps.setString(8, json(r.initialForm));
            ps.setTimestamp(9, Timestamp.from(r.createdAt));
            ps.setTimestamp(10, Timestamp.from(r.updatedAt));
        });
        for (int i = 0; i < r.approvals.size(); i++) {
            FormRevisionRequestApproval a = r.approvals.get(i);
            int position = i;
            execute("""
                    insert into bsdd_revision_request_approval (revision_request_id, approver_org_id, status, comment,
                        updated_at, position) values (?, ?, ?, ?, ?, ?)""", ps -> {
                ps.setString(1, r.id);
                ps.setString(2, a.approverSiret);
                ps.setString(3, a.status.name());
                ps.setString(4, a.comment);
                ps.setTimestamp(5, Timestamp.from(r.updatedAt));
                ps.setInt(6, position);
            });
        }
    }

    /** Writes the request's status and its approvals' answers. */
    public void update(RevisionRecord r) {
        execute("update bsdd_revision_request set status = ?, updated_at = ? where id = ?", ps -> {
            ps.setString(1, r.status.name());
            ps.setTimestamp(2, Timestamp.from(r.updatedAt));
            ps.setString(3, r.id);
        });
        for (FormRevisionRequestApproval a : r.approvals) {
            execute("""
                    update bsdd_revision_request_approval set status = ?, comment = ?, updated_at = ?
                    where revision_request_id = ? and approver_org_id = ?""", ps -> {
                ps.setString(1, a.status.name());
                ps.setString(2, a.comment);
                ps.setTimestamp(3, Timestamp.from(r.updatedAt));
                ps.setString(4, r.id);
                ps.setString(5, a.approverSiret);
            });
        }
    }

    /** Deletes the request and its approvals. */
    public void delete(String id) {
        execute("delete from bsdd_revision_request where id = ?", ps -> ps.setString(1, id));
    }

    /** Whether the request exists and concerns the org (a valid cursor for its pages). */
    public boolean concerns(String id, String orgId) {
        return !query("select 1 from bsdd_revision_request r join bsdd b on b.id = r.bsdd_id where r.id = ? and "
                + CONCERNING_ORG, List.of(id, orgId, orgId), rs -> true).isEmpty();
    }

    /** A page of the requests concerning an org, newest first. */
    public List<RevisionRecord> page(Page q) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS);
        List<Object> params = new ArrayList<>();
        filters(sql, params, q);
        if (q.after() != null) {
            sql.append(" and (r.created_at, r.id) < (select created_at, id from bsdd_revision_request where id = ?)");
            params.add(q.after());
        }
        sql.append(" order by r.created_at desc, r.id desc limit ?");
        params.add(q.limit());
        return withApprovals(query(sql.toString(), params, RevisionRepository::revision));
    }

    /** How many requests concern the org under the page's filters, all pages together. */
    public int count(Page q) {
        StringBuilder sql = new StringBuilder("select count(*)");
        List<Object> params = new ArrayList<>();
        filters(sql, params, q);
        return query(sql.toString(), params, rs -> rs.getInt(1)).get(0);
    }

    private static void filters(StringBuilder sql, List<Object> params, Page q) {
        sql.append(" from bsdd_revision_request r join bsdd b on b.id = r.bsdd_id where ").append(CONCERNING_ORG);
        params.add(q.orgId());
        params.add(q.orgId());
        if (q.status() != null) {
            sql.append(" and r.status = ?");
            params.add(q.status().name());
        }
        if (q.formIdEquals() != null) {
            sql.append(" and r.bsdd_id = ?");
            params.add(q.formIdEquals());
        }
        if (q.formIdIn() != null) {
            sql.append(" and r.bsdd_id = any(?)");
            params.add(q.formIdIn().toArray(String[]::new));
        }
        if (q.formIdContains() != null) {
            sql.append(" and strpos(r.bsdd_id, ?) > 0");
            params.add(q.formIdContains());
        }
    }

    // ---- plumbing

    private Optional<RevisionRecord> one(String sql, String id) {
        return withApprovals(query(sql, List.of(id), RevisionRepository::revision)).stream().findFirst();
    }

    private List<RevisionRecord> withApprovals(List<RevisionRecord> revisions) {
        if (revisions.isEmpty()) {
            return revisions;
        }
        Map<String, RevisionRecord> byId = new HashMap<>();
        revisions.forEach(r -> byId.put(r.id, r));
        query("""
                select revision_request_id, approver_org_id, status, comment from bsdd_revision_request_approval
                where revision_request_id = any(?) order by revision_request_id, position""",
                List.of((Object) byId.keySet().toArray(String[]::new)), rs -> {
                    FormRevisionRequestApproval a = new FormRevisionRequestApproval();
                    a.approverSiret = rs.getString(2);
                    a.status = RevisionRequestApprovalStatus.valueOf(rs.getString(3));
                    a.comment = rs.getString(4);
                    byId.get(rs.getString(1)).approvals.add(a);
                    return a;
                });
        return revisions;
    }

    private static RevisionRecord revision(ResultSet rs) throws SQLException {
        RevisionRecord r = new RevisionRecord();
        r.id = rs.getString(1);
        r.formId = rs.getString(2);
        r.authoringOrgId = rs.getString(3);
        r.authoringCompany = read(rs.getString(4), FormCompany.class);
        r.comment = rs.getString(5);
        r.status = RevisionRequestStatus.valueOf(rs.getString(6));
        r.content = read(rs.getString(7), FormRevisionRequestContent.class);
        r.initialForm = read(rs.getString(8), BsddData.class);
        r.createdAt = rs.getTimestamp(9).toInstant();
        r.updatedAt = rs.getTimestamp(10).toInstant();
        return r;
    }

    private static String json(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a revision request", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable revision request", e);
        }
    }

    private <T> List<T> query(String sql, List<Object> params, Jdbc.RowMapper<T> mapper) {
        return jdbc.query(sql, params, mapper);
    }

    private void execute(String sql, Jdbc.Binder binder) {
        jdbc.update(sql, binder);
    }
}
