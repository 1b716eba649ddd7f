package fr.wastetrace.company.companies;

import fr.wastetrace.company.receipts.ReceiptEntity;
import fr.wastetrace.company.receipts.VhuAgrementEntity;
import fr.wastetrace.company.receipts.WorkerCertificationEntity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

/** A company registered on the platform, identified on BSDs by its {@code orgId} (SIRET, or VAT number). */
@Entity
@Table(name = "company")
public class CompanyEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String orgId;
    public String siret;
    public String vatNumber;
    public String name;
    public String givenName;
    public String address;
    public String codeNaf;
    public String gerepId;
    public String contact;
    public String contactEmail;
    public String contactPhone;
    public String website;
    public String[] companyTypes = {};
    public String[] collectorTypes = {};
    public String[] wasteProcessorTypes = {};
    public String[] wasteVehiclesTypes = {};
    public String[] ecoOrganismeAgreements = {};
    public String[] ecoOrganismePartnersIds = {};
    public int securityCode;
    @Enumerated(EnumType.STRING)
    public CompanyVerificationStatus verificationStatus;
    public boolean allowBsdasriTakeOverWithoutSignature;
    @Column(name = "allow_appendix1_signature_automation")
    public boolean allowAppendix1SignatureAutomation;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "transporter_receipt_id")
    public ReceiptEntity transporterReceipt;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "trader_receipt_id")
    public ReceiptEntity traderReceipt;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "broker_receipt_id")
    public ReceiptEntity brokerReceipt;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "vhu_agrement_demolisseur_id")
    public VhuAgrementEntity vhuAgrementDemolisseur;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "vhu_agrement_broyeur_id")
    public VhuAgrementEntity vhuAgrementBroyeur;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "worker_certification_id")
    public WorkerCertificationEntity workerCertification;
    public OffsetDateTime isDormantSince;
    public OffsetDateTime registryDndFromBsdSince;
    /** Version of the last published company event. */
    public long eventVersion;
    public OffsetDateTime createdAt;

    public static Optional<CompanyEntity> findByOrgId(String orgId) {
        return find("orgId", orgId).firstResultOptional();
    }

    public boolean hasType(CompanyType type) {
        return Arrays.asList(companyTypes).contains(type.name());
    }
}
