package fr.wastetrace.company.companies;

import fr.wastetrace.company.members.UserNotifications;
import fr.wastetrace.company.receipts.ReceiptView;
import fr.wastetrace.company.receipts.VhuAgrement;
import fr.wastetrace.company.receipts.WorkerCertification;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.events.company.UserRole;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

/** A company as its members see it, with the caller's role and permissions in it. */
@Type("CompanyPrivate")
public class CompanyPrivate {
    @Id
    @NonNull
    public String id;
    @NonNull
    public String orgId;
    public String siret;
    public String vatNumber;
    public String name;
    public String givenName;
    public String address;
    public String naf;
    public String libelleNaf;
    public String gerepId;
    public String contact;
    public String contactEmail;
    public String contactPhone;
    public String website;
    @NonNull
    public List<@NonNull CompanyType> companyTypes;
    @NonNull
    public List<@NonNull CollectorType> collectorTypes;
    @NonNull
    public List<@NonNull WasteProcessorType> wasteProcessorTypes;
    @NonNull
    public List<@NonNull WasteVehiclesType> wasteVehiclesTypes;
    @NonNull
    public List<@NonNull Url> ecoOrganismeAgreements;
    @NonNull
    public List<@NonNull String> ecoOrganismePartnersIds;
    @NonNull
    public int securityCode;
    @NonNull
    public CompanyVerificationStatus verificationStatus;
    @NonNull
    public boolean allowBsdasriTakeOverWithoutSignature;
    @NonNull
    public boolean allowAppendix1SignatureAutomation;
    public ReceiptView.TransporterReceipt transporterReceipt;
    public ReceiptView.TraderReceipt traderReceipt;
    public ReceiptView.BrokerReceipt brokerReceipt;
    public VhuAgrement vhuAgrementDemolisseur;
    public VhuAgrement vhuAgrementBroyeur;
    public WorkerCertification workerCertification;
    public Installation installation;
    @Name("isDormantSince")
    public OffsetDateTime isDormantSince;
    public OffsetDateTime hasEnabledRegistryDndFromBsdSince;
    /** The caller's role in the company. */
    public UserRole userRole;
    @NonNull
    public List<@NonNull UserPermission> userPermissions;
    @NonNull
    public UserNotifications userNotifications;
    /** No feature is behind a flag on this platform. */
    @NonNull
    public List<String> featureFlags = List.of();
    /** Registry delegations are not offered yet: no company delegates to another. */
    public List<@NonNull CompanyPublic> delegators = List.of();
    /** Administrative transfers are not offered yet. */
    public List<@NonNull AdministrativeTransfer> givenAdministrativeTransfers = List.of();
    public List<@NonNull AdministrativeTransfer> receivedAdministrativeTransfers = List.of();
    /** The caller's user id, for the {@code users} resolver. */
    @Ignore
    public String callerUserId;
}
