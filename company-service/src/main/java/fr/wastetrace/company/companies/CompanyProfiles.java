package fr.wastetrace.company.companies;

import fr.wastetrace.company.Timestamps;
import fr.wastetrace.company.config.CompanyConfig;
import fr.wastetrace.company.directory.Directory;
import fr.wastetrace.company.directory.DirectoryEntry;
import fr.wastetrace.company.members.Memberships;
import fr.wastetrace.company.receipts.ReceiptEntity;
import fr.wastetrace.company.receipts.VhuAgrementEntity;
import fr.wastetrace.company.receipts.WorkerCertificationEntity;
import fr.wastetrace.company.reference.CompanyProfileData;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.subgraph.ApiException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Registration and profile changes of companies, with the rules their data must follow. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CompanyProfiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Directory directory;
    @Inject
    Memberships memberships;
    @Inject
    CompanyEvents events;
    /** No verification process exists on this platform yet: new companies are verified or wait for one. */
    @Inject
    CompanyConfig config;

    /** The profile fields that both {@code createCompany} and {@code updateCompany} may set; null keeps a value. */
    public record ProfileFields(String gerepId, String givenName, String contact, String contactEmail,
                                String contactPhone, String website, List<CompanyType> companyTypes,
                                List<CollectorType> collectorTypes, List<WasteProcessorType> wasteProcessorTypes,
                                List<WasteVehiclesType> wasteVehiclesTypes, String transporterReceiptId,
                                String traderReceiptId, String brokerReceiptId, String vhuAgrementDemolisseurId,
                                String vhuAgrementBroyeurId, String workerCertificationId,
                                List<Url> ecoOrganismeAgreements, List<String> ecoOrganismePartnersIds,
                                Boolean allowBsdasriTakeOverWithoutSignature,
                                Boolean allowAppendix1SignatureAutomation) {
    }

    /** Registers a company (SIRET, or VAT number for a foreign company) and makes the caller its administrator. */
    public CompanyEntity create(UserAccountEntity caller, String siretInput, String vatInput, String name, String address,
                          String codeNaf, ProfileFields fields) {
        String siret = blankToNull(Siret.clean(siretInput));
        String vat = blankToNull(VatNumber.clean(vatInput));
        if (siret == null && vat == null) {
            throw new ApiException.BadUserInput("Renseignez le SIRET de l'établissement (ou, pour un établissement "
                    + "étranger, son numéro de TVA intracommunautaire).");
        }
        if (siret != null && !Siret.isValid(siret)) {
            throw new ApiException.BadUserInput("Le SIRET « " + siretInput + " » n'est pas valide : il doit compter "
                    + "14 chiffres et sa clé de contrôle doit être juste.");
        }
        if (vat != null && !VatNumber.isValid(vat)) {
            throw new ApiException.BadUserInput("Le numéro de TVA intracommunautaire « " + vatInput + " » n'est pas "
                    + "valide : il commence par le code du pays (ex. BE0123456789).");
        }
        if (siret == null && VatNumber.isFrench(vat)) {
            throw new ApiException.BadUserInput("Un établissement français s'inscrit avec son SIRET, pas avec son "
                    + "numéro de TVA.");
        }
        if (isBlank(name) || isBlank(address)) {
            throw new ApiException.BadUserInput("Le nom et l'adresse de l'établissement sont obligatoires.");
        }
        String orgId = siret != null ? siret : vat;
        if (CompanyEntity.findByOrgId(orgId).isPresent() || (vat != null && CompanyEntity.count("vatNumber", vat) > 0)) {
            throw new ApiException.BadUserInput("L'établissement " + orgId + " est déjà inscrit : demandez à l'un de "
                    + "ses administrateurs de vous inviter, ou envoyez une demande de rattachement.");
        }
        if (siret != null && directory.find(siret).filter(DirectoryEntry::isClosed).isPresent()) {
            throw new ApiException.BadUserInput("L'établissement " + siret + " est fermé selon le répertoire SIRENE : "
                    + "il ne peut pas être inscrit.");
        }
        CompanyEntity company = new CompanyEntity();
        company.id = UUID.randomUUID().toString();
        company.orgId = orgId;
        company.siret = siret;
        company.vatNumber = vat;
        company.name = name.trim();
        company.address = address.trim();
        company.codeNaf = blankToNull(codeNaf);
        company.securityCode = newSecurityCode(0);
        company.verificationStatus = config.verifiedOnCreation() ? CompanyVerificationStatus.VERIFIED
                : CompanyVerificationStatus.TO_BE_VERIFIED;
        company.createdAt = Timestamps.now();
        apply(company, fields);
        if (fields.companyTypes() == null || fields.companyTypes().isEmpty()) {
            throw new ApiException.BadUserInput("Choisissez au moins un profil pour l'établissement (companyTypes).");
        }
        company.persist();
        memberships.add(caller, company, UserRole.ADMIN);
        return company;
    }

    /** Changes the profile (the caller checked the right to do so) and publishes the new state. */
    public void update(CompanyEntity company, ProfileFields fields) {
        apply(company, fields);
        events.publish(company);
    }

    public void renewSecurityCode(CompanyEntity company) {
        company.securityCode = newSecurityCode(company.securityCode);
        events.publish(company);
    }

    public void enableRegistryDndFromBsd(CompanyEntity company) {
        if (company.registryDndFromBsdSince == null) {
            company.registryDndFromBsdSince = Timestamps.now();
            events.publish(company);
        }
    }

    private void apply(CompanyEntity company, ProfileFields f) {
        if (f.gerepId() != null) company.gerepId = blankToNull(f.gerepId());
        if (f.givenName() != null) company.givenName = blankToNull(f.givenName());
        if (f.contact() != null) company.contact = blankToNull(f.contact());
        if (f.contactEmail() != null) company.contactEmail = checkEmail(blankToNull(f.contactEmail()));
        if (f.contactPhone() != null) company.contactPhone = blankToNull(f.contactPhone());
        if (f.website() != null) company.website = checkUrl(blankToNull(f.website()), "site web");
        if (f.companyTypes() != null) {
            if (f.companyTypes().isEmpty()) {
                throw new ApiException.BadUserInput("Un établissement a au moins un profil (companyTypes).");
            }
            company.companyTypes = names(f.companyTypes());
        }
        if (f.collectorTypes() != null) company.collectorTypes = names(f.collectorTypes());
        if (f.wasteProcessorTypes() != null) company.wasteProcessorTypes = names(f.wasteProcessorTypes());
        if (f.wasteVehiclesTypes() != null) company.wasteVehiclesTypes = names(f.wasteVehiclesTypes());
        if (f.transporterReceiptId() != null) company.transporterReceipt = receipt(f.transporterReceiptId(), ReceiptEntity.Kind.TRANSPORTER);
        if (f.traderReceiptId() != null) company.traderReceipt = receipt(f.traderReceiptId(), ReceiptEntity.Kind.TRADER);
        if (f.brokerReceiptId() != null) company.brokerReceipt = receipt(f.brokerReceiptId(), ReceiptEntity.Kind.BROKER);
        if (f.vhuAgrementDemolisseurId() != null) company.vhuAgrementDemolisseur = Companies.linked(VhuAgrementEntity.class, f.vhuAgrementDemolisseurId(), "agrément VHU");
        if (f.vhuAgrementBroyeurId() != null) company.vhuAgrementBroyeur = Companies.linked(VhuAgrementEntity.class, f.vhuAgrementBroyeurId(), "agrément VHU");
        if (f.workerCertificationId() != null) company.workerCertification = Companies.linked(WorkerCertificationEntity.class, f.workerCertificationId(), "certification amiante");
        if (f.ecoOrganismeAgreements() != null) {
            company.ecoOrganismeAgreements = f.ecoOrganismeAgreements().stream()
                    .map(url -> checkUrl(url.toString(), "agrément éco-organisme")).toArray(String[]::new);
        }
        if (f.ecoOrganismePartnersIds() != null) company.ecoOrganismePartnersIds = checkEcoOrganismes(f.ecoOrganismePartnersIds());
        if (f.allowBsdasriTakeOverWithoutSignature() != null) company.allowBsdasriTakeOverWithoutSignature = f.allowBsdasriTakeOverWithoutSignature();
        if (f.allowAppendix1SignatureAutomation() != null) company.allowAppendix1SignatureAutomation = f.allowAppendix1SignatureAutomation();
        checkConsistency(company);
    }

    private static void checkConsistency(CompanyEntity company) {
        requireProfileFor(company, company.collectorTypes, CollectorType.class, "collectorTypes");
        requireProfileFor(company, company.wasteProcessorTypes, WasteProcessorType.class, "wasteProcessorTypes");
        requireProfileFor(company, company.wasteVehiclesTypes, WasteVehiclesType.class, "wasteVehiclesTypes");
        if (company.siret == null && (company.companyTypes.length != 1 || !company.hasType(CompanyType.TRANSPORTER))) {
            throw new ApiException.BadUserInput("Un établissement étranger (inscrit par son numéro de TVA) ne peut "
                    + "avoir que le profil transporteur (TRANSPORTER).");
        }
        if (company.hasType(CompanyType.ECO_ORGANISME) && !isEcoOrganisme(company.siret)) {
            throw new ApiException.BadUserInput("L'établissement " + company.orgId + " n'est pas dans la liste des "
                    + "éco-organismes agréés : retirez le profil ECO_ORGANISME.");
        }
    }

    /** Sub-profiles of {@code kind} need the profile company-profiles.tsv gives them. */
    private static void requireProfileFor(CompanyEntity company, String[] subTypes, Class<? extends Enum<?>> kind,
                                          String field) {
        CompanyType profile = CompanyProfileData.profileOf(kind);
        if (subTypes.length > 0 && !company.hasType(profile)) {
            throw new ApiException.BadUserInput("Les sous-types " + field + " ne s'appliquent qu'aux établissements "
                    + "ayant le profil " + profile + " : ajoutez ce profil ou videz la liste.");
        }
    }

    private static boolean isEcoOrganisme(String siret) {
        return siret != null && ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from eco_organisme where siret = ?1")
                .setParameter(1, siret).getSingleResult()).longValue() > 0;
    }

    private static String[] checkEcoOrganismes(List<String> ids) {
        for (String id : ids) {
            long found = ((Number) Panache.getEntityManager()
                    .createNativeQuery("select count(*) from eco_organisme where id = ?1")
                    .setParameter(1, id).getSingleResult()).longValue();
            if (found == 0) {
                throw new ApiException.BadUserInput("Aucun éco-organisme ne porte l'identifiant « " + id + " » "
                        + "(voir la requête ecoOrganismes).");
            }
        }
        return ids.toArray(String[]::new);
    }

    private static ReceiptEntity receipt(String id, ReceiptEntity.Kind kind) {
        ReceiptEntity receipt = Companies.linked(ReceiptEntity.class, id, "récépissé");
        if (receipt != null && receipt.kind != kind) {
            throw new ApiException.BadUserInput("Le récépissé « " + id + " » n'est pas un récépissé " + label(kind) + ".");
        }
        return receipt;
    }

    private static String label(ReceiptEntity.Kind kind) {
        return switch (kind) {
            case TRANSPORTER -> "transporteur";
            case TRADER -> "négociant";
            case BROKER -> "courtier";
        };
    }

    private static int newSecurityCode(int previous) {
        int code;
        do {
            code = 1000 + RANDOM.nextInt(9000);
        } while (code == previous);
        return code;
    }

    private static String checkEmail(String email) {
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new ApiException.BadUserInput("L'adresse e-mail de contact « " + email + " » n'est pas valide.");
        }
        return email;
    }

    private static String checkUrl(String url, String what) {
        if (url != null && !url.matches("(?i)https?://[^\\s/$.?#][^\\s]*")) {
            throw new ApiException.BadUserInput("L'adresse « " + url + " » (" + what + ") n'est pas valide : "
                    + "elle doit commencer par http:// ou https://.");
        }
        return url;
    }

    private static String[] names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).distinct().toArray(String[]::new);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.trim();
    }
}
