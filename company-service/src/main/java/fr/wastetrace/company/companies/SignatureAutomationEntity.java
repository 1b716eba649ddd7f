package fr.wastetrace.company.companies;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** An appendix-1 signature automation granted by the {@code from} company to the {@code to} company. */
@Entity
@Table(name = "signature_automation")
public class SignatureAutomationEntity extends PanacheEntityBase {
    @Id
    public String id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "from_company_id")
    public CompanyEntity from;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "to_company_id")
    public CompanyEntity to;
    public OffsetDateTime createdAt;

    /** The automations the company granted, oldest first. */
    public static List<SignatureAutomationEntity> grantedBy(String companyId) {
        return list("from.id = ?1 order by createdAt, id", companyId);
    }

    /** The automations granted to the company, oldest first. */
    public static List<SignatureAutomationEntity> grantedTo(String companyId) {
        return list("to.id = ?1 order by createdAt, id", companyId);
    }

    public static Optional<SignatureAutomationEntity> between(String fromId, String toId) {
        return find("from.id = ?1 and to.id = ?2", fromId, toId).firstResultOptional();
    }
}
