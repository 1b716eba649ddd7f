package fr.wastetrace.company.companies;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** What {@code createCompany} receives. */
@Input("PrivateCompanyInput")
public class PrivateCompanyInput {
    public String siret;
    public String vatNumber;
    public String gerepId;
    public String codeNaf;
    @NonNull
    public String companyName;
    public String givenName;
    @NonNull
    public String address;
    @NonNull
    public List<@NonNull CompanyType> companyTypes;
    public List<@NonNull CollectorType> collectorTypes;
    public List<@NonNull WasteProcessorType> wasteProcessorTypes;
    public List<@NonNull WasteVehiclesType> wasteVehiclesTypes;
    public String transporterReceiptId;
    public String traderReceiptId;
    public String brokerReceiptId;
    public String vhuAgrementDemolisseurId;
    public String vhuAgrementBroyeurId;
    public String workerCertificationId;
    public List<@NonNull Url> ecoOrganismeAgreements;
    public List<@NonNull String> ecoOrganismePartnersIds;
    public Boolean allowBsdasriTakeOverWithoutSignature;
    public Boolean allowAppendix1SignatureAutomation;
    public String contact;
    public String contactEmail;
    public String contactPhone;
    public String website;
}
