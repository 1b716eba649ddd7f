package fr.wastetrace.bsd.core.revision;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.common.RevisionRequestApprovalStatus;
import fr.wastetrace.bsd.common.RevisionRequestStatus;

import java.time.Instant;
import java.util.List;

/**
 * A revision request of a BSD of any core type, as {@link RevisionRequests} stores it.
 *
 * @param content          the type's revision content (its GraphQL {@code …RevisionRequestContent} shape)
 * @param authoringCompany the author's company as the BSD shows it ({@code FormCompany})
 * @param approvals        the companies that must approve, in order, with their answers
 */
public record RevisionRequest(String id, String bsdType, String bsdId, String authoringOrgId, JsonNode authoringCompany,
                              JsonNode content, String comment, RevisionRequestStatus status,
                              List<Approval> approvals, Instant createdAt) {

    /** One company's answer. */
    public record Approval(String approverSiret, RevisionRequestApprovalStatus status, String comment) {
    }

    public boolean awaits(String orgId) {
        return status == RevisionRequestStatus.PENDING && approvals.stream()
                .anyMatch(a -> a.approverSiret().equals(orgId) && a.status() == RevisionRequestApprovalStatus.PENDING);
    }
}
