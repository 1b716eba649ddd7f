package fr.wastetrace.company.receipts;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/** The three receipt types of the contract share their fields. */
public abstract class ReceiptView {
    @Id
    @NonNull
    public String id;
    @NonNull
    public String receiptNumber;
    @NonNull
    public OffsetDateTime validityLimit;
    @NonNull
    public String department;

    ReceiptView fill(ReceiptEntity receipt) {
        id = receipt.id;
        receiptNumber = receipt.receiptNumber;
        validityLimit = receipt.validityLimit;
        department = receipt.department;
        return this;
    }

    public static TransporterReceipt transporter(ReceiptEntity receipt) {
        return receipt == null ? null : (TransporterReceipt) new TransporterReceipt().fill(receipt);
    }

    public static TraderReceipt trader(ReceiptEntity receipt) {
        return receipt == null ? null : (TraderReceipt) new TraderReceipt().fill(receipt);
    }

    public static BrokerReceipt broker(ReceiptEntity receipt) {
        return receipt == null ? null : (BrokerReceipt) new BrokerReceipt().fill(receipt);
    }

    @Type("TransporterReceipt")
    public static class TransporterReceipt extends ReceiptView {
    }

    @Type("TraderReceipt")
    public static class TraderReceipt extends ReceiptView {
    }

    @Type("BrokerReceipt")
    public static class BrokerReceipt extends ReceiptView {
    }
}
