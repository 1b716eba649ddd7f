package fr.wastetrace.bsd.bsdasri.model;

import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriPackaging;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.graphql.PageInfo;
import fr.wastetrace.bsd.common.PickupSite;
import fr.wastetrace.bsd.common.RevisionRequestApprovalStatus;
import fr.wastetrace.bsd.common.RevisionRequestStatus;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** The revision requests of a BSDASRI, with the contract's type names. */
public final class BsdasriRevisionParts {
    private BsdasriRevisionParts() {
    }

    @Type("BsdasriRevisionRequest")
    public static class BsdasriRevisionRequest {
        @Id @NonNull public String id;
        @NonNull public BsdasriRevisionRequestContent content;
        @NonNull public String comment;
        @NonNull public RevisionRequestStatus status;
        @NonNull public FormCompany authoringCompany;
        @NonNull public List<@NonNull BsdasriRevisionRequestApproval> approvals;
        @NonNull public Instant createdAt;
        /** The revised BSDASRI, resolved as {@code bsdasri}. */
        @Ignore public String bsdasriId;
    }

    @Type("BsdasriRevisionRequestApproval")
    public static class BsdasriRevisionRequestApproval {
        @NonNull public String approverSiret;
        @NonNull public RevisionRequestApprovalStatus status;
        public String comment;
    }

    @Type("BsdasriRevisionRequestContent")
    public static class BsdasriRevisionRequestContent {
        public BsdasriRevisionRequestWaste waste;
        public BsdasriRevisionRequestDestination destination;
        public BsdasriRevisionRequestEmitter emitter;
        @Name("isCanceled") public Boolean isCanceled;
    }

    @Type("BsdasriRevisionRequestWaste")
    public static class BsdasriRevisionRequestWaste {
        public String code;
    }

    @Type("BsdasriRevisionRequestEmitter")
    public static class BsdasriRevisionRequestEmitter {
        public PickupSite pickupSite;
    }

    @Type("BsdasriRevisionRequestDestination")
    public static class BsdasriRevisionRequestDestination {
        public BsdasriRevisionRequestOperation operation;
        public BsdasriRevisionRequestReception reception;
    }

    @Type("BsdasriRevisionRequestOperation")
    public static class BsdasriRevisionRequestOperation {
        public String code;
        public OperationMode mode;
        public Double weight;
    }

    @Type("BsdasriRevisionRequestReception")
    public static class BsdasriRevisionRequestReception {
        public List<@NonNull BsdasriPackaging> packagings;
    }

    @Type("BsdasriRevisionRequestEdge")
    public static class BsdasriRevisionRequestEdge {
        @NonNull public String cursor;
        @NonNull public BsdasriRevisionRequest node;
    }

    @Type("BsdasriRevisionRequestConnection")
    public static class BsdasriRevisionRequestConnection {
        @NonNull public int totalCount;
        @NonNull public PageInfo pageInfo;
        @NonNull public List<@NonNull BsdasriRevisionRequestEdge> edges;
    }
}
