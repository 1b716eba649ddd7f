package fr.wastetrace.company.receipts;

import fr.wastetrace.company.companies.Companies;
import fr.wastetrace.company.companies.CompanyEntity;
import fr.wastetrace.company.companies.CompanyEvents;
import fr.wastetrace.company.members.MembershipEntity;
import fr.wastetrace.company.receipts.ReceiptInputs.*;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.company.users.Users;
import fr.wastetrace.events.company.Permissions;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.subgraph.ApiException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;
import java.util.UUID;

/**
 * Receipts and agreements. A new one belongs to its author until a company links it ({@code updateCompany}); from
 * then on, the administrators of the companies that link it change it, and each change republishes those companies.
 */
@GraphQLApi
public class ReceiptApi {
    @Inject
    Users users;
    @Inject
    Companies companies;
    @Inject
    CompanyEvents events;

    @Mutation("createTransporterReceipt")
    @Description("Déclare un récépissé transporteur ; liez-le ensuite à l'établissement (updateCompany).")
    @Transactional
    public @NonNull ReceiptView.TransporterReceipt createTransporterReceipt(@NonNull @Name("input") CreateTransporterReceiptInput input) {
        return ReceiptView.transporter(create(ReceiptEntity.Kind.TRANSPORTER, input));
    }

    @Mutation("updateTransporterReceipt")
    @Transactional
    public @NonNull ReceiptView.TransporterReceipt updateTransporterReceipt(@NonNull @Name("input") UpdateTransporterReceiptInput input) {
        return ReceiptView.transporter(update(ReceiptEntity.Kind.TRANSPORTER, input));
    }

    @Mutation("deleteTransporterReceipt")
    @Transactional
    public @NonNull ReceiptView.TransporterReceipt deleteTransporterReceipt(@NonNull @Name("input") DeleteTransporterReceiptInput input) {
        return ReceiptView.transporter(delete(ReceiptEntity.Kind.TRANSPORTER, input.id));
    }

    @Mutation("createTraderReceipt")
    @Description("Déclare un récépissé négociant ; liez-le ensuite à l'établissement (updateCompany).")
    @Transactional
    public @NonNull ReceiptView.TraderReceipt createTraderReceipt(@NonNull @Name("input") CreateTraderReceiptInput input) {
        return ReceiptView.trader(create(ReceiptEntity.Kind.TRADER, input));
    }

    @Mutation("updateTraderReceipt")
    @Transactional
    public @NonNull ReceiptView.TraderReceipt updateTraderReceipt(@NonNull @Name("input") UpdateTraderReceiptInput input) {
        return ReceiptView.trader(update(ReceiptEntity.Kind.TRADER, input));
    }

    @Mutation("deleteTraderReceipt")
    @Transactional
    public @NonNull ReceiptView.TraderReceipt deleteTraderReceipt(@NonNull @Name("input") DeleteTraderReceiptInput input) {
        return ReceiptView.trader(delete(ReceiptEntity.Kind.TRADER, input.id));
    }

    @Mutation("createBrokerReceipt")
    @Description("Déclare un récépissé courtier ; liez-le ensuite à l'établissement (updateCompany).")
    @Transactional
    public @NonNull ReceiptView.BrokerReceipt createBrokerReceipt(@NonNull @Name("input") CreateBrokerReceiptInput input) {
        return ReceiptView.broker(create(ReceiptEntity.Kind.BROKER, input));
    }

    @Mutation("updateBrokerReceipt")
    @Transactional
    public @NonNull ReceiptView.BrokerReceipt updateBrokerReceipt(@NonNull @Name("input") UpdateBrokerReceiptInput input) {
        return ReceiptView.broker(update(ReceiptEntity.Kind.BROKER, input));
    }

    @Mutation("deleteBrokerReceipt")
    @Transactional
    public @NonNull ReceiptView.BrokerReceipt deleteBrokerReceipt(@NonNull @Name("input") DeleteBrokerReceiptInput input) {
        return ReceiptView.broker(delete(ReceiptEntity.Kind.BROKER, input.id));
    }

    @Mutation("createVhuAgrement")
    @Description("Déclare un agrément VHU (démolisseur ou broyeur) ; liez-le ensuite à l'établissement (updateCompany).")
    @Transactional
    public @NonNull VhuAgrement createVhuAgrement(@NonNull @Name("input") CreateVhuAgrementInput input) {
        UserAccountEntity caller = users.current();
        VhuAgrementEntity agrement = new VhuAgrementEntity();
        agrement.id = UUID.randomUUID().toString();
        agrement.agrementNumber = required(input.agrementNumber, "le numéro d'agrément");
        agrement.department = department(input.department);
        agrement.createdBy = caller.id;
        agrement.persist();
        return VhuAgrement.of(agrement);
    }

    @Mutation("updateVhuAgrement")
    @Transactional
    public @NonNull VhuAgrement updateVhuAgrement(@NonNull @Name("input") UpdateVhuAgrementInput input) {
        VhuAgrementEntity agrement = VhuAgrementEntity.<VhuAgrementEntity>findByIdOptional(input.id)
                .orElseThrow(() -> notFound("agrément VHU", input.id));
        List<CompanyEntity> linking = requireEditable(agrement.createdBy, "vhuAgrementDemolisseur.id = ?1 or vhuAgrementBroyeur.id = ?1", agrement.id);
        if (input.agrementNumber != null) agrement.agrementNumber = required(input.agrementNumber, "le numéro d'agrément");
        if (input.department != null) agrement.department = department(input.department);
        linking.forEach(events::publish);
        return VhuAgrement.of(agrement);
    }

    @Mutation("deleteVhuAgrement")
    @Transactional
    public @NonNull VhuAgrement deleteVhuAgrement(@NonNull @Name("input") DeleteVhuAgrementInput input) {
        VhuAgrementEntity agrement = VhuAgrementEntity.<VhuAgrementEntity>findByIdOptional(input.id)
                .orElseThrow(() -> notFound("agrément VHU", input.id));
        List<CompanyEntity> linking = requireEditable(agrement.createdBy, "vhuAgrementDemolisseur.id = ?1 or vhuAgrementBroyeur.id = ?1", agrement.id);
        for (CompanyEntity company : linking) {
            if (company.vhuAgrementDemolisseur == agrement) company.vhuAgrementDemolisseur = null;
            if (company.vhuAgrementBroyeur == agrement) company.vhuAgrementBroyeur = null;
            events.publish(company);
        }
        VhuAgrement view = VhuAgrement.of(agrement);
        agrement.delete();
        return view;
    }

    @Mutation("createWorkerCertification")
    @Description("Déclare une certification amiante (sous-sections 3 et 4) ; liez-la ensuite à l'établissement.")
    @Transactional
    public @NonNull WorkerCertification createWorkerCertification(@NonNull @Name("input") CreateWorkerCertificationInput input) {
        UserAccountEntity caller = users.current();
        WorkerCertificationEntity certification = new WorkerCertificationEntity();
        certification.id = UUID.randomUUID().toString();
        certification.hasSubSectionFour = input.hasSubSectionFour;
        certification.hasSubSectionThree = input.hasSubSectionThree;
        certification.certificationNumber = input.certificationNumber;
        certification.validityLimit = input.validityLimit;
        certification.organisation = input.organisation;
        certification.createdBy = caller.id;
        checkCertification(certification);
        certification.persist();
        return WorkerCertification.of(certification);
    }

    @Mutation("updateWorkerCertification")
    @Transactional
    public @NonNull WorkerCertification updateWorkerCertification(@NonNull @Name("input") UpdateWorkerCertificationInput input) {
        WorkerCertificationEntity certification = WorkerCertificationEntity.<WorkerCertificationEntity>findByIdOptional(input.id)
                .orElseThrow(() -> notFound("certification amiante", input.id));
        List<CompanyEntity> linking = requireEditable(certification.createdBy, "workerCertification.id = ?1", certification.id);
        if (input.hasSubSectionFour != null) certification.hasSubSectionFour = input.hasSubSectionFour;
        if (input.hasSubSectionThree != null) certification.hasSubSectionThree = input.hasSubSectionThree;
        if (input.certificationNumber != null) certification.certificationNumber = input.certificationNumber;
        if (input.validityLimit != null) certification.validityLimit = input.validityLimit;
        if (input.organisation != null) certification.organisation = input.organisation;
        checkCertification(certification);
        linking.forEach(events::publish);
        return WorkerCertification.of(certification);
    }

    @Mutation("deleteWorkerCertification")
    @Transactional
    public @NonNull WorkerCertification deleteWorkerCertification(@NonNull @Name("input") DeleteWorkerCertificationInput input) {
        WorkerCertificationEntity certification = WorkerCertificationEntity.<WorkerCertificationEntity>findByIdOptional(input.id)
                .orElseThrow(() -> notFound("certification amiante", input.id));
        List<CompanyEntity> linking = requireEditable(certification.createdBy, "workerCertification.id = ?1", certification.id);
        for (CompanyEntity company : linking) {
            company.workerCertification = null;
            events.publish(company);
        }
        WorkerCertification view = WorkerCertification.of(certification);
        certification.delete();
        return view;
    }

    private ReceiptEntity create(ReceiptEntity.Kind kind, CreateReceipt input) {
        UserAccountEntity caller = users.current();
        ReceiptEntity receipt = new ReceiptEntity();
        receipt.id = UUID.randomUUID().toString();
        receipt.kind = kind;
        receipt.receiptNumber = required(input.receiptNumber, "le numéro de récépissé");
        receipt.validityLimit = input.validityLimit;
        receipt.department = department(input.department);
        receipt.createdBy = caller.id;
        receipt.persist();
        return receipt;
    }

    private ReceiptEntity update(ReceiptEntity.Kind kind, UpdateReceipt input) {
        ReceiptEntity receipt = find(kind, input.id);
        List<CompanyEntity> linking = requireEditable(receipt.createdBy, linkQuery(kind), receipt.id);
        if (input.receiptNumber != null) receipt.receiptNumber = required(input.receiptNumber, "le numéro de récépissé");
        if (input.validityLimit != null) receipt.validityLimit = input.validityLimit;
        if (input.department != null) receipt.department = department(input.department);
        linking.forEach(events::publish);
        return receipt;
    }

    private ReceiptEntity delete(ReceiptEntity.Kind kind, String id) {
        ReceiptEntity receipt = find(kind, id);
        List<CompanyEntity> linking = requireEditable(receipt.createdBy, linkQuery(kind), receipt.id);
        for (CompanyEntity company : linking) {
            switch (kind) {
                case TRANSPORTER -> company.transporterReceipt = null;
                case TRADER -> company.traderReceipt = null;
                case BROKER -> company.brokerReceipt = null;
            }
            events.publish(company);
        }
        receipt.delete();
        return receipt;
    }

    private static ReceiptEntity find(ReceiptEntity.Kind kind, String id) {
        return ReceiptEntity.<ReceiptEntity>findByIdOptional(id).filter(r -> r.kind == kind)
                .orElseThrow(() -> notFound("récépissé", id));
    }

    private static String linkQuery(ReceiptEntity.Kind kind) {
        return switch (kind) {
            case TRANSPORTER -> "transporterReceipt.id = ?1";
            case TRADER -> "traderReceipt.id = ?1";
            case BROKER -> "brokerReceipt.id = ?1";
        };
    }

    /**
     * The companies that link the item, locked; the caller must administer one of them, or be the item's author
     * while no company links it.
     */
    private List<CompanyEntity> requireEditable(String createdBy, String linkQuery, String id) {
        UserAccountEntity caller = users.current();
        List<CompanyEntity> linking = CompanyEntity.<CompanyEntity>list(linkQuery, id).stream().map(c -> companies.lock(c.id)).toList();
        boolean allowed = linking.isEmpty() ? caller.id.equals(createdBy)
                : linking.stream().anyMatch(c -> MembershipEntity.lookup(caller.id, c.id)
                .filter(m -> users.actsFor(c.orgId) && Permissions.grants(m.role, UserPermission.COMPANY_CAN_UPDATE))
                .isPresent());
        if (!allowed) {
            throw new ApiException.Forbidden(linking.isEmpty()
                    ? "Seul l'auteur de cette déclaration peut la modifier tant qu'aucun établissement ne l'utilise."
                    : "Seuls les administrateurs des établissements qui utilisent cette déclaration peuvent la modifier.");
        }
        return linking;
    }

    private static void checkCertification(WorkerCertificationEntity certification) {
        if (certification.hasSubSectionThree && (certification.certificationNumber == null
                || certification.validityLimit == null || certification.organisation == null)) {
            throw new ApiException.BadUserInput("Une certification sous-section 3 exige son numéro "
                    + "(certificationNumber), sa date de validité (validityLimit) et l'organisme (organisation).");
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ApiException.BadUserInput("Renseignez " + what + ".");
        }
        return value.trim();
    }

    private static String department(String department) {
        String value = required(department, "le département");
        if (!value.matches("\\d{2,3}|2[AB]")) {
            throw new ApiException.BadUserInput("Le département « " + department + " » n'est pas valide : "
                    + "indiquez son numéro (ex. 69, 2A, 971).");
        }
        return value;
    }

    private static ApiException notFound(String what, String id) {
        return new ApiException.BadUserInput("Aucun(e) " + what + " ne porte l'identifiant « " + id + " ».");
    }
}
