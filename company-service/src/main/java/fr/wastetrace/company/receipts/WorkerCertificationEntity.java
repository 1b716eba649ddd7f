package fr.wastetrace.company.receipts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An asbestos worker certification (BSDA, sub-sections three and four) that a company links from its profile. */
@Entity
@Table(name = "worker_certification")
public class WorkerCertificationEntity extends PanacheEntityBase {
    @Id
    public String id;
    public boolean hasSubSectionFour;
    public boolean hasSubSectionThree;
    public String certificationNumber;
    public OffsetDateTime validityLimit;
    public String organisation;
    public String createdBy;
}
