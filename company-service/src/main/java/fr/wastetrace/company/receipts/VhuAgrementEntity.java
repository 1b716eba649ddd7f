package fr.wastetrace.company.receipts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An end-of-life-vehicle agreement (demolisher or shredder) that a company links from its profile. */
@Entity
@Table(name = "vhu_agrement")
public class VhuAgrementEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String agrementNumber;
    public String department;
    public String createdBy;
}
