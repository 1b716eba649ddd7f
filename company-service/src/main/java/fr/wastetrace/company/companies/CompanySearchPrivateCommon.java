package fr.wastetrace.company.companies;

import fr.wastetrace.company.receipts.ReceiptView;
import fr.wastetrace.company.receipts.VhuAgrement;
import fr.wastetrace.company.receipts.WorkerCertification;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** The fields a company search result shares with the private company search of the reference UI. */
@Interface("CompanySearchPrivateCommon")
public interface CompanySearchPrivateCommon {
    @NonNull
    String getOrgId();

    String getSiret();

    String getVatNumber();

    String getName();

    String getAddress();

    String getCodePaysEtrangerEtablissement();

    String getEtatAdministratif();

    StatutDiffusionEtablissement getStatutDiffusionEtablissement();

    String getNaf();

    String getLibelleNaf();

    Installation getInstallation();

    String getContact();

    String getContactEmail();

    String getContactPhone();

    String getWebsite();

    Boolean getIsRegistered();

    @Id
    String getTrackdechetsId();

    List<@NonNull CompanyType> getCompanyTypes();

    List<@NonNull Url> getEcoOrganismeAgreements();

    Boolean getAllowBsdasriTakeOverWithoutSignature();

    ReceiptView.TransporterReceipt getTransporterReceipt();

    ReceiptView.TraderReceipt getTraderReceipt();

    ReceiptView.BrokerReceipt getBrokerReceipt();

    VhuAgrement getVhuAgrementDemolisseur();

    VhuAgrement getVhuAgrementBroyeur();

    WorkerCertification getWorkerCertification();

    @NonNull
    boolean getIsDormant();

    @NonNull
    List<@NonNull String> getEcoOrganismePartnersIds();
}
