package fr.wastetrace.bsd.bsda.graphql;

import fr.wastetrace.bsd.bsda.model.BsdaConsistence;
import fr.wastetrace.bsd.bsda.model.BsdaPackagingType;
import fr.wastetrace.bsd.bsda.model.BsdaSignatureType;
import fr.wastetrace.bsd.bsda.model.BsdaType;
import fr.wastetrace.bsd.common.CompanyInput;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Instant;
import java.util.List;

/**
 * The inputs of the BSDA mutations, with the contract's names. Their field names are those of the document
 * ({@code Bsda}), so that an input merges into it field by field; {@code grouping}, {@code forwarding} and
 * {@code transporters} are ids, resolved by the service.
 */
public final class BsdaInputs {
    private BsdaInputs() {
    }

    /** A BSDA written by a client: on creation the BSDA, on update only the fields given. */
    @Input("BsdaInput")
    public static class BsdaInput {
        public BsdaType type;
        public BsdaEmitterInput emitter;
        public BsdaEcoOrganismeInput ecoOrganisme;
        public BsdaWasteInput waste;
        public List<@NonNull BsdaPackagingInput> packagings;
        public BsdaWeightInput weight;
        public BsdaWorkerInput worker;
        public BsdaDestinationInput destination;
        public BsdaTransporterInput transporter;
        @Id public List<@NonNull String> transporters;
        public BsdaBrokerInput broker;
        public List<@NonNull CompanyInput> intermediaries;
        @Id public List<@NonNull String> grouping;
        @Id public String forwarding;
    }

    @Input("BsdaPickupSiteInput")
    public static class BsdaPickupSiteInput {
        public String name;
        public String address;
        public String city;
        public String postalCode;
        public String infos;
    }

    @Input("BsdaEmitterInput")
    public static class BsdaEmitterInput {
        @Name("isPrivateIndividual") public Boolean isPrivateIndividual;
        public CompanyInput company;
        public BsdaPickupSiteInput pickupSite;
        public String customInfo;
    }

    @Input("BsdaEcoOrganismeInput")
    public static class BsdaEcoOrganismeInput {
        @NonNull public String name;
        @NonNull public String siret;
    }

    @Input("BsdaWasteInput")
    public static class BsdaWasteInput {
        public String code;
        @Deprecated
        public String name;
        public String familyCode;
        public String materialName;
        public BsdaConsistence consistence;
        public String consistenceDescription;
        public List<@NonNull String> sealNumbers;
        @Name("isSubjectToADR") public Boolean isSubjectToADR;
        public String adr;
        public String nonRoadRegulationMention;
        public Boolean pop;
    }

    @Input("BsdaPackagingInput")
    public static class BsdaPackagingInput {
        @NonNull public BsdaPackagingType type;
        public String other;
        @NonNull public Integer quantity;
        public Double volume;
        public List<@NonNull String> identificationNumbers;
    }

    @Input("BsdaWeightInput")
    public static class BsdaWeightInput {
        @Name("isEstimate") public Boolean isEstimate;
        public Double value;
    }

    @Input("BsdaWorkerCertificationInput")
    public static class BsdaWorkerCertificationInput {
        @NonNull public Boolean hasSubSectionFour;
        @NonNull public Boolean hasSubSectionThree;
        public String certificationNumber;
        public Instant validityLimit;
        public String organisation;
    }

    @Input("BsdaWorkInput")
    public static class BsdaWorkInput {
        public Boolean hasEmitterPaperSignature;
    }

    @Input("BsdaWorkerInput")
    public static class BsdaWorkerInput {
        @Name("isDisabled") public Boolean isDisabled;
        public CompanyInput company;
        public BsdaWorkerCertificationInput certification;
        public BsdaWorkInput work;
    }

    /** The receipt: only {@code isExempted} is still read (the number comes from the company's profile). */
    @Input("BsdaRecepisseInput")
    public static class BsdaRecepisseInput {
        @Name("isExempted") public Boolean isExempted;
        @Deprecated public String number;
        @Deprecated public String department;
        @Deprecated public Instant validityLimit;
    }

    @Input("BsdaBrokerRecepisseInput")
    public static class BsdaBrokerRecepisseInput {
        @Name("isExempted") public Boolean isExempted;
        @Deprecated public String number;
        @Deprecated public String department;
        @Deprecated public Instant validityLimit;
    }

    @Input("BsdaTransportInput")
    public static class BsdaTransportInput {
        public TransportMode mode;
        public List<@NonNull String> plates;
        public Instant takenOverAt;
    }

    @Input("BsdaTransporterInput")
    public static class BsdaTransporterInput {
        public CompanyInput company;
        public String customInfo;
        public BsdaRecepisseInput recepisse;
        public BsdaTransportInput transport;
    }

    @Input("BsdaReceptionInput")
    public static class BsdaReceptionInput {
        public Instant date;
        public Double weight;
        public Boolean weightIsEstimate;
        public Double refusedWeight;
        public WasteAcceptationStatus acceptationStatus;
        public String refusalReason;
    }

    @Input("BsdaNextDestinationInput")
    public static class BsdaNextDestinationInput {
        public CompanyInput company;
        public String cap;
        public String plannedOperationCode;
    }

    @Input("BsdaOperationInput")
    public static class BsdaOperationInput {
        public String code;
        public OperationMode mode;
        public String description;
        public Instant date;
        public BsdaNextDestinationInput nextDestination;
    }

    @Input("BsdaDestinationInput")
    public static class BsdaDestinationInput {
        public CompanyInput company;
        public String cap;
        public String plannedOperationCode;
        public String customInfo;
        public BsdaReceptionInput reception;
        public BsdaOperationInput operation;
    }

    @Input("BsdaBrokerInput")
    public static class BsdaBrokerInput {
        public CompanyInput company;
        public BsdaBrokerRecepisseInput recepisse;
    }

    @Input("BsdaSignatureInput")
    public static class BsdaSignatureInput {
        @NonNull public BsdaSignatureType type;
        @NonNull public String author;
        public Instant date;
        public Integer securityCode;
    }
}
