package fr.wastetrace.bsd.core.revision;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.common.RevisionRequestApprovalStatus;
import fr.wastetrace.bsd.common.RevisionRequestStatus;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The revision requests of every core type (the BSDD keeps its own): a company on a signed BSD asks for a change
 * ({@code content}, the type's shape), the other companies concerned approve or refuse it, the author may cancel it
 * while it is pending. This class keeps the requests and their approvals and decides their status (all approved:
 * ACCEPTED; one refusal: REFUSED, the other pending answers CANCELED); applying an accepted content to the BSD is the
 * type's. It runs in the caller's transaction.
 */
@ApplicationScoped
public class RevisionRequests {
    private static final TypeReference<List<RevisionRequest.Approval>> APPROVALS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, bsd_type, bsd_id, authoring_org_id, authoring_company, content, comment, "
            + "status, approvals, created_at";

    private final Jdbc jdbc;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public RevisionRequests(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a request; without approvers it is accepted at once. */
    public RevisionRequest create(String bsdType, String bsdId, String authoringOrgId, JsonNode authoringCompany,
                                  Collection<String> approverOrgIds, JsonNode content, String comment,
                                  String authorSubject) {
        List<RevisionRequest.Approval> approvals = approverOrgIds.stream().distinct()
                .map(o -> new RevisionRequest.Approval(o, RevisionRequestApprovalStatus.PENDING, null)).toList();
        RevisionRequestStatus status = approvals.isEmpty() ? RevisionRequestStatus.ACCEPTED
                : RevisionRequestStatus.PENDING;
        Instant now = clock.instant();
        RevisionRequest r = new RevisionRequest(Ids.newId(), bsdType, bsdId, authoringOrgId, authoringCompany, content,
                comment, status, approvals, now);
        execute("insert into bsd_revision_request (id, bsd_type, bsd_id, authoring_org_id, authoring_company, content, "
                + "comment, status, approvals, approver_org_ids, author_subject, created_at, updated_at) values "
                + "(?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, cast(? as jsonb), ?, ?, ?, ?)", ps -> {
            ps.setString(1, r.id());
            ps.setString(2, bsdType);
            ps.setString(3, bsdId);
            ps.setString(4, authoringOrgId);
            ps.setString(5, authoringCompany == null ? "{}" : authoringCompany.toString());
            ps.setString(6, content.toString());
            ps.setString(7, comment);
            ps.setString(8, status.name());
            ps.setString(9, EventCodec.mapper().valueToTree(approvals).toString());
            ps.setArray(10, ps.getConnection().createArrayOf("text", approverOrgIds.stream().distinct().toArray()));
            ps.setString(11, authorSubject);
            ps.setTimestamp(12, Timestamp.from(now));
            ps.setTimestamp(13, Timestamp.from(now));
        });
        return r;
    }

    /** A request of {@code bsdType}, locked for the decision that follows. */
    public Optional<RevisionRequest> findForUpdate(String bsdType, String id) {
        List<RevisionRequest> found = query("select " + COLUMNS + " from bsd_revision_request where bsd_type = ? "
                + "and id = ? for update", List.of(bsdType, id));
        return found.stream().findFirst();
    }

    /** Whether the BSD has a request still pending. */
    /**
     * Why the caller may not ask for a revision of a BSD now, for the allowed actions: none of {@code authors} (the
     * companies that may author one) is theirs with the revise permission ({@code notAnAuthor}), else the type's own
     * rule ({@code refusal}: its status, a pending request), the one its creation mutation checks.
     */
    public static Optional<String> refusal(CallerCompanies companies, Collection<String> authors, String notAnAuthor,
                                           Supplier<Optional<String>> refusal) {
        return companies.can(UserPermission.BSD_CAN_REVISE, authors) ? refusal.get() : Optional.of(notAnAuthor);
    }

    public boolean hasPending(String bsdType, String bsdId) {
        return !query("select " + COLUMNS + " from bsd_revision_request where bsd_type = ? and bsd_id = ? and status = "
                + "'PENDING' limit 1", List.of(bsdType, bsdId)).isEmpty();
    }

    /** The BSD's most recent request. */
    public Optional<RevisionRequest> latest(String bsdType, String bsdId) {
        return query("select " + COLUMNS + " from bsd_revision_request where bsd_type = ? and bsd_id = ? order by "
                + "created_at desc limit 1", List.of(bsdType, bsdId)).stream().findFirst();
    }

    /**
     * Records {@code orgId}'s answer and returns the request with its new status: refused at the first refusal (the
     * other pending answers canceled), accepted once every company approved.
     */
    public RevisionRequest decide(RevisionRequest r, String orgId, boolean approved, String comment) {
        if (!r.awaits(orgId)) {
            throw new ApiException.BadUserInput("Cette révision n'est plus en attente de votre approbation.");
        }
        List<RevisionRequest.Approval> approvals = new ArrayList<>();
        for (RevisionRequest.Approval a : r.approvals()) {
            if (a.approverSiret().equals(orgId) && a.status() == RevisionRequestApprovalStatus.PENDING) {
                approvals.add(new RevisionRequest.Approval(orgId, approved ? RevisionRequestApprovalStatus.ACCEPTED
                        : RevisionRequestApprovalStatus.REFUSED, comment));
            } else {
                approvals.add(a);
            }
        }
        RevisionRequestStatus status = !approved ? RevisionRequestStatus.REFUSED
                : approvals.stream().allMatch(a -> a.status() == RevisionRequestApprovalStatus.ACCEPTED)
                ? RevisionRequestStatus.ACCEPTED : RevisionRequestStatus.PENDING;
        if (status == RevisionRequestStatus.REFUSED) {
            approvals = approvals.stream().map(a -> a.status() == RevisionRequestApprovalStatus.PENDING
                    ? new RevisionRequest.Approval(a.approverSiret(), RevisionRequestApprovalStatus.CANCELED, null)
                    : a).toList();
        }
        RevisionRequest decided = new RevisionRequest(r.id(), r.bsdType(), r.bsdId(), r.authoringOrgId(),
                r.authoringCompany(), r.content(), r.comment(), status, approvals, r.createdAt());
        List<RevisionRequest.Approval> saved = approvals;
        execute("update bsd_revision_request set status = ?, approvals = cast(? as jsonb), updated_at = ? where id = ?",
                ps -> {
                    ps.setString(1, status.name());
                    ps.setString(2, EventCodec.mapper().valueToTree(saved).toString());
                    ps.setTimestamp(3, Timestamp.from(clock.instant()));
                    ps.setString(4, r.id());
                });
        return decided;
    }

    /** Removes a pending request (its author cancels it). */
    public void cancel(RevisionRequest r) {
        if (r.status() != RevisionRequestStatus.PENDING) {
            throw new ApiException.Forbidden("Impossible d'annuler une révision qui n'est plus en attente.");
        }
        execute("delete from bsd_revision_request where id = ?", ps -> ps.setString(1, r.id()));
    }

    /**
     * The requests of {@code bsdType} that {@code orgId} authored or must answer, newest first, after the cursor
     * {@code after} (a request id), optionally of one BSD and one status.
     */
    public List<RevisionRequest> list(String bsdType, String orgId, String bsdId, RevisionRequestStatus status,
                                      String after, int limit) {
        List<Object> params = new ArrayList<>(List.of(bsdType, orgId, orgId));
        String sql = "select " + COLUMNS + " from bsd_revision_request where bsd_type = ? and (authoring_org_id = ? "
                + "or ? = any(approver_org_ids))" + conditions(bsdId, status, params);
        if (after != null) {
            sql += " and (created_at, id) < (select created_at, id from bsd_revision_request where id = ?)";
            params.add(after);
        }
        params.add(limit);
        return query(sql + " order by created_at desc, id desc limit ?", params);
    }

    public int count(String bsdType, String orgId, String bsdId, RevisionRequestStatus status) {
        List<Object> params = new ArrayList<>(List.of(bsdType, orgId, orgId));
        String sql = "select count(*) from bsd_revision_request where bsd_type = ? and (authoring_org_id = ? "
                + "or ? = any(approver_org_ids))" + conditions(bsdId, status, params);
        return jdbc.query(sql, params, rs -> rs.getInt(1)).get(0);
    }

    private static String conditions(String bsdId, RevisionRequestStatus status, List<Object> params) {
        String sql = "";
        if (bsdId != null) {
            sql += " and bsd_id = ?";
            params.add(bsdId);
        }
        if (status != null) {
            sql += " and status = ?";
            params.add(status.name());
        }
        return sql;
    }

    private void execute(String sql, Jdbc.Binder binder) {
        jdbc.update(sql, binder);
    }

    private List<RevisionRequest> query(String sql, List<Object> params) {
        return jdbc.query(sql, params, rs -> {
            try {
                return new RevisionRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        EventCodec.mapper().readTree(rs.getString(5)), EventCodec.mapper().readTree(rs.getString(6)),
                        rs.getString(7), RevisionRequestStatus.valueOf(rs.getString(8)),
                        EventCodec.mapper().readValue(rs.getString(9), APPROVALS),
                        rs.getTimestamp(10).toInstant());
            } catch (IOException e) {
                throw new IllegalStateException("unreadable revision request", e);
            }
        });
    }
}
