package fr.wastetrace.bsd.bsda.model;

import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaBroker;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaPackaging;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaPickupSite;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.graphql.PageInfo;
import fr.wastetrace.bsd.common.RevisionRequestApprovalStatus;
import fr.wastetrace.bsd.common.RevisionRequestStatus;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** The BSDA revision requests as the API shows them (the contract's {@code BsdaRevisionRequest…} types). */
public final class BsdaRevisionParts {
    private BsdaRevisionParts() {
    }

    @Type("BsdaRevisionRequestEmitter")
    public static class BsdaRevisionRequestEmitter {
        public BsdaPickupSite pickupSite;
    }

    @Type("BsdaRevisionRequestWaste")
    public static class BsdaRevisionRequestWaste {
        public String code;
        public Boolean pop;
        public List<@NonNull String> sealNumbers;
        public String materialName;
        public String familyCode;
    }

    @Type("BsdaRevisionRequestReception")
    public static class BsdaRevisionRequestReception {
        public Double weight;
        public Double refusedWeight;
    }

    @Type("BsdaRevisionRequestOperation")
    public static class BsdaRevisionRequestOperation {
        public String code;
        public String description;
        public OperationMode mode;
    }

    @Type("BsdaRevisionRequestDestination")
    public static class BsdaRevisionRequestDestination {
        public String cap;
        public BsdaRevisionRequestReception reception;
        public BsdaRevisionRequestOperation operation;
    }

    @Type("BsdaRevisionRequestContent")
    public static class BsdaRevisionRequestContent {
        public BsdaRevisionRequestEmitter emitter;
        public BsdaRevisionRequestWaste waste;
        public List<@NonNull BsdaPackaging> packagings;
        public BsdaBroker broker;
        public BsdaRevisionRequestDestination destination;
        @Name("isCanceled") public Boolean isCanceled;
    }

    @Type("BsdaRevisionRequestApproval")
    public static class BsdaRevisionRequestApproval {
        @NonNull public String approverSiret;
        @NonNull public RevisionRequestApprovalStatus status;
        public String comment;
    }

    /** A revision request; {@code bsda} is resolved when asked for. */
    @Type("BsdaRevisionRequest")
    public static class BsdaRevisionRequest {
        @Id @NonNull public String id;
        @Ignore public String bsdaId;
        @NonNull public BsdaRevisionRequestContent content;
        @NonNull public String comment;
        @NonNull public RevisionRequestStatus status;
        @NonNull public List<@NonNull BsdaRevisionRequestApproval> approvals;
        @NonNull public FormCompany authoringCompany;
        @NonNull public Instant createdAt;
    }

    @Type("BsdaRevisionRequestEdge")
    public static class BsdaRevisionRequestEdge {
        @NonNull public String cursor;
        @NonNull public BsdaRevisionRequest node;
    }

    @Type("BsdaRevisionRequestConnection")
    public static class BsdaRevisionRequestConnection {
        @NonNull public int totalCount;
        @NonNull public PageInfo pageInfo;
        @NonNull public List<@NonNull BsdaRevisionRequestEdge> edges;
    }
}
