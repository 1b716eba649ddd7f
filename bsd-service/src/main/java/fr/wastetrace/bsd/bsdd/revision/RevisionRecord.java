package fr.wastetrace.bsd.bsdd.revision;

import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestApproval;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestContent;
import fr.wastetrace.bsd.common.RevisionRequestApprovalStatus;
import fr.wastetrace.bsd.common.RevisionRequestStatus;
import fr.wastetrace.bsd.common.FormCompany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A stored revision request of a BSDD, with the answers of the companies that must approve it. */
public class RevisionRecord {
    public String id;
    public String formId;
    public String authoringOrgId;
    public FormCompany authoringCompany;
    public String comment;
    public RevisionRequestStatus status;
    public FormRevisionRequestContent content;
    /** The BSDD's document when the request was made. */
    public BsddData initialForm;
    public Instant createdAt;
    public Instant updatedAt;
    public List<FormRevisionRequestApproval> approvals = new ArrayList<>();

    /** The approvals still awaited. */
    List<FormRevisionRequestApproval> pending() {
        return approvals.stream().filter(a -> a.status == RevisionRequestApprovalStatus.PENDING).toList();
    }
}
