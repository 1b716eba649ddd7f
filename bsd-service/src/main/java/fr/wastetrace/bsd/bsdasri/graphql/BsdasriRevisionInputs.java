package fr.wastetrace.bsd.bsdasri.graphql;

import fr.wastetrace.bsd.bsdasri.graphql.BsdasriInputs.BsdasriPackagingsInput;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.bsd.common.PickupSiteInput;
import fr.wastetrace.bsd.common.RevisionRequestStatus;
import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** The inputs of the BSDASRI revision requests, shaped as their content. */
public final class BsdasriRevisionInputs {
    private BsdasriRevisionInputs() {
    }

    @Input("CreateBsdasriRevisionRequestInput")
    public static class CreateBsdasriRevisionRequestInput {
        @Id @NonNull public String bsdasriId;
        @NonNull public BsdasriRevisionRequestContentInput content;
        @NonNull public String comment;
        @NonNull public String authoringCompanySiret;
    }

    @Input("BsdasriRevisionRequestContentInput")
    public static class BsdasriRevisionRequestContentInput {
        public BsdasriRevisionRequestWasteInput waste;
        public BsdasriRevisionRequestDestinationInput destination;
        public BsdasriRevisionRequestEmitterInput emitter;
        public Boolean isCanceled;
    }

    @Input("BsdasriRevisionRequestWasteInput")
    public static class BsdasriRevisionRequestWasteInput {
        public String code;
    }

    @Input("BsdasriRevisionRequestEmitterInput")
    public static class BsdasriRevisionRequestEmitterInput {
        public PickupSiteInput pickupSite;
    }

    @Input("BsdasriRevisionRequestDestinationInput")
    public static class BsdasriRevisionRequestDestinationInput {
        public BsdasriRevisionRequestOperationInput operation;
        public BsdasriRevisionRequestReceptionInput reception;
    }

    @Input("BsdasriRevisionRequestOperationInput")
    public static class BsdasriRevisionRequestOperationInput {
        public String code;
        public OperationMode mode;
        public Double weight;
    }

    @Input("BsdasriRevisionRequestReceptionInput")
    public static class BsdasriRevisionRequestReceptionInput {
        public List<@NonNull BsdasriPackagingsInput> packagings;
    }

    @Input("BsdasriRevisionRequestWhere")
    public static class BsdasriRevisionRequestWhere {
        public StringFilter bsdasriId;
        public RevisionRequestStatus status;
    }
}
