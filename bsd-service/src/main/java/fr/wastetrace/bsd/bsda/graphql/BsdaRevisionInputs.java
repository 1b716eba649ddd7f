package fr.wastetrace.bsd.bsda.graphql;

import fr.wastetrace.bsd.bsda.graphql.BsdaInputs.BsdaBrokerInput;
import fr.wastetrace.bsd.bsda.graphql.BsdaInputs.BsdaPackagingInput;
import fr.wastetrace.bsd.bsda.graphql.BsdaInputs.BsdaPickupSiteInput;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.bsd.common.RevisionRequestStatus;
import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** The inputs of the BSDA revision requests, with the contract's names. */
public final class BsdaRevisionInputs {
    private BsdaRevisionInputs() {
    }

    @Input("CreateBsdaRevisionRequestInput")
    public static class CreateBsdaRevisionRequestInput {
        @Id @NonNull public String bsdaId;
        @NonNull public BsdaRevisionRequestContentInput content;
        @NonNull public String comment;
        @NonNull public String authoringCompanySiret;
    }

    @Input("BsdaRevisionRequestContentInput")
    public static class BsdaRevisionRequestContentInput {
        public BsdaRevisionRequestEmitterInput emitter;
        public BsdaRevisionRequestWasteInput waste;
        public List<@NonNull BsdaPackagingInput> packagings;
        public BsdaBrokerInput broker;
        public BsdaRevisionRequestDestinationInput destination;
        @Name("isCanceled") public Boolean isCanceled;
    }

    @Input("BsdaRevisionRequestEmitterInput")
    public static class BsdaRevisionRequestEmitterInput {
        public BsdaPickupSiteInput pickupSite;
    }

    @Input("BsdaRevisionRequestWasteInput")
    public static class BsdaRevisionRequestWasteInput {
        public String code;
        public Boolean pop;
        public List<@NonNull String> sealNumbers;
        public String materialName;
        public String familyCode;
    }

    @Input("BsdaRevisionRequestDestinationInput")
    public static class BsdaRevisionRequestDestinationInput {
        public String cap;
        public BsdaRevisionRequestReceptionInput reception;
        public BsdaRevisionRequestOperationInput operation;
    }

    @Input("BsdaRevisionRequestReceptionInput")
    public static class BsdaRevisionRequestReceptionInput {
        public Double weight;
        public Double refusedWeight;
    }

    @Input("BsdaRevisionRequestOperationInput")
    public static class BsdaRevisionRequestOperationInput {
        public String code;
        public String description;
        public OperationMode mode;
    }

    @Input("BsdaRevisionRequestWhere")
    public static class BsdaRevisionRequestWhere {
        public StringFilter bsdaId;
        public RevisionRequestStatus status;
    }
}
