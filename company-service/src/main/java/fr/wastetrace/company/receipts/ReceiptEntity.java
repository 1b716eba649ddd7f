package fr.wastetrace.company.receipts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A transporter, trader or broker receipt ("récépissé") that a company links from its profile. */
@Entity
@Table(name = "receipt")
public class ReceiptEntity extends PanacheEntityBase {
    public enum Kind {
        TRANSPORTER, TRADER, BROKER
    }

    @Id
    public String id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String receiptNumber;
    public OffsetDateTime validityLimit;
    public String department;
    /** The user who declared it: the only one who may change it while no company links it. */
    public String createdBy;
}
