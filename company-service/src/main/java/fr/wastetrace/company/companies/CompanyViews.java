package fr.wastetrace.company.companies;

import fr.wastetrace.company.directory.DirectoryEntry;
import fr.wastetrace.company.members.MembershipEntity;
import fr.wastetrace.company.members.UserNotifications;
import fr.wastetrace.company.receipts.ReceiptView;
import fr.wastetrace.company.receipts.VhuAgrement;
import fr.wastetrace.company.receipts.WorkerCertification;
import fr.wastetrace.events.company.Permissions;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Builds the GraphQL views of a company from its profile here and its directory entry. */
public final class CompanyViews {
    private CompanyViews() {
    }

    /** The company as the member sees it. */
    public static CompanyPrivate toPrivate(CompanyEntity company, MembershipEntity membership) {
        CompanyPrivate view = new CompanyPrivate();
        view.id = company.id;
        view.orgId = company.orgId;
        view.siret = company.siret;
        view.vatNumber = company.vatNumber;
        view.name = company.name;
        view.givenName = company.givenName;
        view.address = company.address;
        view.naf = company.codeNaf;
        view.gerepId = company.gerepId;
        view.contact = company.contact;
        view.contactEmail = company.contactEmail;
        view.contactPhone = company.contactPhone;
        view.website = company.website;
        view.companyTypes = enums(company.companyTypes, CompanyType::valueOf);
        view.collectorTypes = enums(company.collectorTypes, CollectorType::valueOf);
        view.wasteProcessorTypes = enums(company.wasteProcessorTypes, WasteProcessorType::valueOf);
        view.wasteVehiclesTypes = enums(company.wasteVehiclesTypes, WasteVehiclesType::valueOf);
        view.ecoOrganismeAgreements = enums(company.ecoOrganismeAgreements, Url::new);
        view.ecoOrganismePartnersIds = List.of(company.ecoOrganismePartnersIds);
        view.securityCode = company.securityCode;
        view.verificationStatus = company.verificationStatus;
        view.allowBsdasriTakeOverWithoutSignature = company.allowBsdasriTakeOverWithoutSignature;
        view.allowAppendix1SignatureAutomation = company.allowAppendix1SignatureAutomation;
        view.transporterReceipt = ReceiptView.transporter(company.transporterReceipt);
        view.traderReceipt = ReceiptView.trader(company.traderReceipt);
        view.brokerReceipt = ReceiptView.broker(company.brokerReceipt);
        view.vhuAgrementDemolisseur = VhuAgrement.of(company.vhuAgrementDemolisseur);
        view.vhuAgrementBroyeur = VhuAgrement.of(company.vhuAgrementBroyeur);
        view.workerCertification = WorkerCertification.of(company.workerCertification);
        view.isDormantSince = company.isDormantSince;
        view.hasEnabledRegistryDndFromBsdSince = company.registryDndFromBsdSince;
        view.userRole = membership.role;
        view.userPermissions = List.copyOf(Permissions.of(membership.role));
        view.userNotifications = UserNotifications.of(membership);
        view.callerUserId = membership.user.id;
        return view;
    }

    /**
     * The public view: the profile of a registered company (may be null) merged with its directory entry (may be
     * null). A partially hidden establishment shows only what the platform itself knows about its activity.
     */
    public static CompanyPublic toPublic(String orgId, CompanyEntity company, DirectoryEntry entry) {
        CompanyPublic view = new CompanyPublic();
        view.orgId = orgId;
        view.isRegistered = company != null;
        view.siret = company != null ? company.siret : entry != null ? entry.siret() : null;
        view.vatNumber = company != null ? company.vatNumber : null;
        view.etatAdministratif = entry != null ? entry.etatAdministratif() : "A";
        view.statutDiffusionEtablissement = entry != null && !entry.isPublic()
                ? StatutDiffusionEtablissement.P : StatutDiffusionEtablissement.O;
        if (company != null) {
            view.companyTypes = enums(company.companyTypes, CompanyType::valueOf);
            view.ecoOrganismeAgreements = enums(company.ecoOrganismeAgreements, Url::new);
            view.ecoOrganismePartnersIds = List.of(company.ecoOrganismePartnersIds);
            view.allowBsdasriTakeOverWithoutSignature = company.allowBsdasriTakeOverWithoutSignature;
            view.isDormant = company.isDormantSince != null;
        }
        if (view.statutDiffusionEtablissement == StatutDiffusionEtablissement.P) {
            return view;
        }
        if (entry != null) {
            view.name = entry.name();
            view.address = entry.address();
            view.codeCommune = entry.codeCommune();
            view.codePaysEtrangerEtablissement = entry.codePaysEtranger();
            view.naf = entry.naf();
        }
        if (company != null) {
            view.name = company.name;
            view.givenName = company.givenName;
            view.address = company.address != null ? company.address : view.address;
            view.naf = company.codeNaf != null ? company.codeNaf : view.naf;
            view.codePaysEtrangerEtablissement = company.vatNumber != null && !VatNumber.isFrench(company.vatNumber)
                    ? company.vatNumber.substring(0, 2) : view.codePaysEtrangerEtablissement;
            view.contact = company.contact;
            view.contactEmail = company.contactEmail;
            view.contactPhone = company.contactPhone;
            view.website = company.website;
            view.collectorTypes = enums(company.collectorTypes, CollectorType::valueOf);
            view.wasteProcessorTypes = enums(company.wasteProcessorTypes, WasteProcessorType::valueOf);
            view.wasteVehiclesTypes = enums(company.wasteVehiclesTypes, WasteVehiclesType::valueOf);
            view.transporterReceipt = ReceiptView.transporter(company.transporterReceipt);
            view.traderReceipt = ReceiptView.trader(company.traderReceipt);
            view.brokerReceipt = ReceiptView.broker(company.brokerReceipt);
            view.vhuAgrementDemolisseur = VhuAgrement.of(company.vhuAgrementDemolisseur);
            view.vhuAgrementBroyeur = VhuAgrement.of(company.vhuAgrementBroyeur);
            view.workerCertification = WorkerCertification.of(company.workerCertification);
        }
        return view;
    }

    static <T> List<T> enums(String[] values, Function<String, T> parse) {
        return Arrays.stream(values).map(parse).toList();
    }
}
