package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.RevisionRequestStatus;
import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** A request to revise a BSDD after its signatures. */
@Type("FormRevisionRequest")
public class FormRevisionRequest {
    public @Id @NonNull String id;
    public @NonNull Form form;
    public @NonNull Instant createdAt;
    public @NonNull FormCompany authoringCompany;
    public @NonNull List<@NonNull FormRevisionRequestApproval> approvals;
    public @NonNull FormRevisionRequestContent content;
    public @NonNull String comment;
    public @NonNull RevisionRequestStatus status;
}
