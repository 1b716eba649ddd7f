package fr.wastetrace.company.receipts;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

/** The inputs of the receipt and agreement mutations, named as in the contract. */
public final class ReceiptInputs {
    private ReceiptInputs() {
    }

    public abstract static class CreateReceipt {
        @NonNull
        public String receiptNumber;
        @NonNull
        public OffsetDateTime validityLimit;
        @NonNull
        public String department;
    }

    public abstract static class UpdateReceipt {
        @Id
        @NonNull
        public String id;
        public String receiptNumber;
        public OffsetDateTime validityLimit;
        public String department;
    }

    public abstract static class DeleteById {
        @Id
        @NonNull
        public String id;
    }

    @Input("CreateTransporterReceiptInput")
    public static class CreateTransporterReceiptInput extends CreateReceipt {
    }

    @Input("UpdateTransporterReceiptInput")
    public static class UpdateTransporterReceiptInput extends UpdateReceipt {
    }

    @Input("DeleteTransporterReceiptInput")
    public static class DeleteTransporterReceiptInput extends DeleteById {
    }

    @Input("CreateTraderReceiptInput")
    public static class CreateTraderReceiptInput extends CreateReceipt {
    }

    @Input("UpdateTraderReceiptInput")
    public static class UpdateTraderReceiptInput extends UpdateReceipt {
    }

    @Input("DeleteTraderReceiptInput")
    public static class DeleteTraderReceiptInput extends DeleteById {
    }

    @Input("CreateBrokerReceiptInput")
    public static class CreateBrokerReceiptInput extends CreateReceipt {
    }

    @Input("UpdateBrokerReceiptInput")
    public static class UpdateBrokerReceiptInput extends UpdateReceipt {
    }

    @Input("DeleteBrokerReceiptInput")
    public static class DeleteBrokerReceiptInput extends DeleteById {
    }

    @Input("CreateVhuAgrementInput")
    public static class CreateVhuAgrementInput {
        @NonNull
        public String agrementNumber;
        @NonNull
        public String department;
    }

    @Input("UpdateVhuAgrementInput")
    public static class UpdateVhuAgrementInput {
        @Id
        @NonNull
        public String id;
        public String agrementNumber;
        public String department;
    }

    @Input("DeleteVhuAgrementInput")
    public static class DeleteVhuAgrementInput extends DeleteById {
    }

    @Input("CreateWorkerCertificationInput")
    public static class CreateWorkerCertificationInput {
        @NonNull
        public boolean hasSubSectionFour;
        @NonNull
        public boolean hasSubSectionThree;
        public String certificationNumber;
        public OffsetDateTime validityLimit;
        public String organisation;
    }

    @Input("UpdateWorkerCertificationInput")
    public static class UpdateWorkerCertificationInput {
        @Id
        @NonNull
        public String id;
        public Boolean hasSubSectionFour;
        public Boolean hasSubSectionThree;
        public String certificationNumber;
        public OffsetDateTime validityLimit;
        public String organisation;
    }

    @Input("DeleteWorkerCertificationInput")
    public static class DeleteWorkerCertificationInput extends DeleteById {
    }
}
