package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.RevisionRequestApprovalStatus;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The answer of one company to a revision request. */
@Type("FormRevisionRequestApproval")
public class FormRevisionRequestApproval {
    public @NonNull String approverSiret;
    public String comment;
    public @NonNull RevisionRequestApprovalStatus status;
}
