package fr.wastetrace.company.companies;

import fr.wastetrace.company.receipts.ReceiptView;
import fr.wastetrace.company.receipts.VhuAgrement;
import fr.wastetrace.company.receipts.WorkerCertification;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** What anyone may know about a company: directory data merged with its profile here, if it is registered. */
@Type("CompanyPublic")
public class CompanyPublic {
    @NonNull
    public String orgId;
    public String siret;
    public String vatNumber;
    public String codePaysEtrangerEtablissement;
    public String etatAdministratif;
    public StatutDiffusionEtablissement statutDiffusionEtablissement;
    public String address;
    public String codeCommune;
    public String name;
    public String givenName;
    public String naf;
    public String libelleNaf;
    public Installation installation;
    public String contact;
    public String contactEmail;
    public String contactPhone;
    public String website;
    @Name("isRegistered")
    public Boolean isRegistered;
    @NonNull
    public List<@NonNull CompanyType> companyTypes = List.of();
    public List<@NonNull CollectorType> collectorTypes = List.of();
    public List<@NonNull WasteProcessorType> wasteProcessorTypes = List.of();
    public List<@NonNull WasteVehiclesType> wasteVehiclesTypes = List.of();
    @NonNull
    public List<@NonNull Url> ecoOrganismeAgreements = List.of();
    public Boolean allowBsdasriTakeOverWithoutSignature;
    public ReceiptView.TransporterReceipt transporterReceipt;
    public ReceiptView.TraderReceipt traderReceipt;
    public ReceiptView.BrokerReceipt brokerReceipt;
    public VhuAgrement vhuAgrementDemolisseur;
    public VhuAgrement vhuAgrementBroyeur;
    public WorkerCertification workerCertification;
    @NonNull
    @Name("isDormant")
    public boolean isDormant;
    @NonNull
    public List<@NonNull String> ecoOrganismePartnersIds = List.of();
}
