package fr.wastetrace.company.companies;

import fr.wastetrace.company.CommittedPositions;
import fr.wastetrace.company.members.MembershipEntity;
import fr.wastetrace.company.receipts.ReceiptEntity;
import fr.wastetrace.company.receipts.VhuAgrementEntity;
import fr.wastetrace.company.receipts.WorkerCertificationEntity;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.identity.WrittenPositions;
import fr.wastetrace.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Publishes the full state of a company after a change to it or to its members, in the transaction of the change.
 * Callers lock the company row first ({@link Companies#lock}), so that versions follow the commit order.
 */
@ApplicationScoped
public class CompanyEvents {
    @Inject
    Outbox outbox;
    @Inject
    CommittedPositions positions;

    /**
     * @param alsoFor subjects of the users whose access the change alters (beside the caller): their next requests
     *                see it on every service (read-your-writes)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(CompanyEntity company, String... alsoFor) {
        company.eventVersion++;
        outbox.publish(CompanyState.UPSERTED, CompanyState.AGGREGATE_TYPE, company.id, company.eventVersion,
                CompanyState.SCHEMA_VERSION, stateOf(company));
        positions.committed(WrittenPositions.company(company.id), company.eventVersion, alsoFor);
    }

    public static CompanyState stateOf(CompanyEntity company) {
        List<CompanyState.Member> members = MembershipEntity.ofCompany(company.id).stream()
                .map(m -> new CompanyState.Member(m.user.id, m.user.subject, m.user.email, m.role))
                .toList();
        return new CompanyState(company.id, company.orgId, company.siret, company.vatNumber, company.name,
                company.givenName, company.address, Arrays.asList(company.companyTypes), company.isDormantSince != null,
                members, company.securityCode, company.contact, company.contactEmail, company.contactPhone,
                Arrays.asList(company.collectorTypes), Arrays.asList(company.wasteProcessorTypes),
                Arrays.asList(company.wasteVehiclesTypes), receipt(company.transporterReceipt),
                receipt(company.traderReceipt), receipt(company.brokerReceipt), agrement(company.vhuAgrementDemolisseur),
                agrement(company.vhuAgrementBroyeur), certification(company.workerCertification),
                company.allowBsdasriTakeOverWithoutSignature, instant(company.registryDndFromBsdSince),
                company.allowAppendix1SignatureAutomation, SignatureAutomations.grantedTo(company));
    }

    private static CompanyState.Receipt receipt(ReceiptEntity receipt) {
        return receipt == null ? null
                : new CompanyState.Receipt(receipt.receiptNumber, receipt.department, instant(receipt.validityLimit));
    }

    private static CompanyState.Agrement agrement(VhuAgrementEntity agrement) {
        return agrement == null ? null : new CompanyState.Agrement(agrement.agrementNumber, agrement.department);
    }

    private static CompanyState.WorkerCertification certification(WorkerCertificationEntity certification) {
        return certification == null ? null
                : new CompanyState.WorkerCertification(certification.hasSubSectionFour,
                certification.hasSubSectionThree, certification.certificationNumber,
                instant(certification.validityLimit), certification.organisation);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
