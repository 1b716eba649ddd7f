package fr.wastetrace.company.companies;

import fr.wastetrace.company.receipts.ReceiptView;
import fr.wastetrace.company.receipts.VhuAgrement;
import fr.wastetrace.company.receipts.WorkerCertification;
import fr.wastetrace.company.directory.DirectoryEntry;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** A {@code searchCompanies} hit: the public view of the company, its address split, and its id here if registered. */
@Type("CompanySearchResult")
public class CompanySearchResult implements CompanySearchPrivateCommon {
    private final CompanyPublic company;
    private final String trackdechetsId;
    private final DirectoryEntry.Address addressParts;

    public CompanySearchResult(CompanyPublic company, String trackdechetsId, DirectoryEntry.Address address) {
        this.company = company;
        this.trackdechetsId = trackdechetsId;
        this.addressParts = address;
    }

    @Override
    public @NonNull String getOrgId() {
        return company.orgId;
    }

    @Override
    public String getSiret() {
        return company.siret;
    }

    @Override
    public String getVatNumber() {
        return company.vatNumber;
    }

    @Override
    public String getName() {
        return company.name;
    }

    @Override
    public String getAddress() {
        return company.address;
    }

    public String getAddressVoie() {
        return addressParts == null ? null : addressParts.voie();
    }

    public String getAddressPostalCode() {
        return addressParts == null ? null : addressParts.postalCode();
    }

    public String getAddressCity() {
        return addressParts == null ? null : addressParts.city();
    }

    public String getCodeCommune() {
        return company.codeCommune;
    }

    @Override
    public String getCodePaysEtrangerEtablissement() {
        return company.codePaysEtrangerEtablissement;
    }

    @Override
    public String getEtatAdministratif() {
        return company.etatAdministratif;
    }

    @Override
    public StatutDiffusionEtablissement getStatutDiffusionEtablissement() {
        return company.statutDiffusionEtablissement;
    }

    @Override
    public String getNaf() {
        return company.naf;
    }

    @Override
    public String getLibelleNaf() {
        return company.libelleNaf;
    }

    @Override
    public Installation getInstallation() {
        return company.installation;
    }

    @Override
    public String getContact() {
        return company.contact;
    }

    @Override
    public String getContactEmail() {
        return company.contactEmail;
    }

    @Override
    public String getContactPhone() {
        return company.contactPhone;
    }

    @Override
    public String getWebsite() {
        return company.website;
    }

    @Override
    public Boolean getIsRegistered() {
        return company.isRegistered;
    }

    @Override
    @Id
    public String getTrackdechetsId() {
        return trackdechetsId;
    }

    @Override
    public List<@NonNull CompanyType> getCompanyTypes() {
        return company.companyTypes;
    }

    public List<@NonNull CollectorType> getCollectorTypes() {
        return company.collectorTypes;
    }

    public List<@NonNull WasteProcessorType> getWasteProcessorTypes() {
        return company.wasteProcessorTypes;
    }

    public List<@NonNull WasteVehiclesType> getWasteVehiclesTypes() {
        return company.wasteVehiclesTypes;
    }

    @Override
    public List<@NonNull Url> getEcoOrganismeAgreements() {
        return company.ecoOrganismeAgreements;
    }

    @Override
    public Boolean getAllowBsdasriTakeOverWithoutSignature() {
        return company.allowBsdasriTakeOverWithoutSignature;
    }

    @Override
    public ReceiptView.TransporterReceipt getTransporterReceipt() {
        return company.transporterReceipt;
    }

    @Override
    public ReceiptView.TraderReceipt getTraderReceipt() {
        return company.traderReceipt;
    }

    @Override
    public ReceiptView.BrokerReceipt getBrokerReceipt() {
        return company.brokerReceipt;
    }

    @Override
    public VhuAgrement getVhuAgrementDemolisseur() {
        return company.vhuAgrementDemolisseur;
    }

    @Override
    public VhuAgrement getVhuAgrementBroyeur() {
        return company.vhuAgrementBroyeur;
    }

    @Override
    public WorkerCertification getWorkerCertification() {
        return company.workerCertification;
    }

    @Override
    public @NonNull boolean getIsDormant() {
        return company.isDormant;
    }

    @Override
    public @NonNull List<@NonNull String> getEcoOrganismePartnersIds() {
        return company.ecoOrganismePartnersIds;
    }
}
