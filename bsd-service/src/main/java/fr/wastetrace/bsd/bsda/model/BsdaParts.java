package fr.wastetrace.bsd.bsda.model;

import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.graphql.PageInfo;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The parts of a {@link Bsda}, with the contract's type names. */
public final class BsdaParts {
    private BsdaParts() {
    }

    @Type("BsdaPickupSite")
    public static class BsdaPickupSite {
        public String name;
        public String address;
        public String city;
        public String postalCode;
        public String infos;
    }

    @Type("BsdaEmission")
    public static class BsdaEmission {
        public Signature signature;
    }

    @Type("BsdaEmitter")
    public static class BsdaEmitter {
        @Name("isPrivateIndividual") public Boolean isPrivateIndividual;
        public FormCompany company;
        public BsdaPickupSite pickupSite;
        public String customInfo;
        public BsdaEmission emission;
    }

    @Type("BsdaEcoOrganisme")
    public static class BsdaEcoOrganisme {
        @NonNull public String name;
        @NonNull public String siret;
    }

    @Type("BsdaWaste")
    public static class BsdaWaste {
        public String code;
        /** Deprecated in the contract: {@code materialName} replaced it. */
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

    @Type("BsdaPackaging")
    public static class BsdaPackaging {
        @NonNull public BsdaPackagingType type;
        public String other;
        @NonNull public Integer quantity;
        public Double volume;
        @NonNull public List<@NonNull String> identificationNumbers = new ArrayList<>();
    }

    @Type("BsdaWeight")
    public static class BsdaWeight {
        @Name("isEstimate") public Boolean isEstimate;
        public Double value;
    }

    @Type("BsdaWorkerCertification")
    public static class BsdaWorkerCertification {
        @NonNull public boolean hasSubSectionFour;
        @NonNull public boolean hasSubSectionThree;
        public String certificationNumber;
        public Instant validityLimit;
        public String organisation;
    }

    @Type("BsdaWork")
    public static class BsdaWork {
        public Boolean hasEmitterPaperSignature;
        public Signature signature;
    }

    @Type("BsdaWorker")
    public static class BsdaWorker {
        @NonNull @Name("isDisabled") public boolean isDisabled;
        public FormCompany company;
        public BsdaWorkerCertification certification;
        public BsdaWork work;
    }

    @Type("BsdaRecepisse")
    public static class BsdaRecepisse {
        @Name("isExempted") public Boolean isExempted;
        public String number;
        public String department;
        public Instant validityLimit;
    }

    @Type("BsdaTransport")
    public static class BsdaTransport {
        public TransportMode mode;
        public List<@NonNull String> plates;
        public Instant takenOverAt;
        public Signature signature;
    }

    @Type("BsdaTransporter")
    public static class BsdaTransporter {
        @Id @NonNull public String id;
        public FormCompany company;
        public String customInfo;
        public BsdaRecepisse recepisse;
        public BsdaTransport transport;
    }

    @Type("BsdaReception")
    public static class BsdaReception {
        public Instant date;
        public Double weight;
        public Boolean weightIsEstimate;
        public Double refusedWeight;
        public Double acceptedWeight;
        public WasteAcceptationStatus acceptationStatus;
        public String refusalReason;
        public Signature signature;
    }

    @Type("BsdaNextDestination")
    public static class BsdaNextDestination {
        public FormCompany company;
        public String cap;
        public String plannedOperationCode;
    }

    @Type("BsdaOperation")
    public static class BsdaOperation {
        public String code;
        public OperationMode mode;
        public String description;
        public Instant date;
        public BsdaNextDestination nextDestination;
        public Signature signature;
    }

    @Type("BsdaDestination")
    public static class BsdaDestination {
        public FormCompany company;
        public String cap;
        public String plannedOperationCode;
        public String customInfo;
        public BsdaReception reception;
        public BsdaOperation operation;
    }

    @Type("BsdaBroker")
    public static class BsdaBroker {
        public FormCompany company;
        public BsdaRecepisse recepisse;
    }

    /** A BSDA grouped or forwarded by another, as that one shows it (a copy taken when it was linked). */
    @Type("InitialBsda")
    public static class InitialBsda {
        @Id @NonNull public String id;
        public BsdaEmitter emitter;
        public BsdaWaste waste;
        public BsdaWeight weight;
        public BsdaDestination destination;
        @NonNull public List<@NonNull BsdaPackaging> packagings = new ArrayList<>();
    }

    @Type("BsdaError")
    public static class BsdaError {
        @NonNull public String message;
        @NonNull public List<@NonNull String> path;
        @NonNull public BsdaSignatureType requiredFor;
    }

    @Type("BsdaMetadataFields")
    public static class BsdaMetadataFields {
        @NonNull public List<@NonNull List<@NonNull String>> sealed;
    }

    /** What the next signature still needs and what is sealed; {@code latestRevision} is resolved when asked for. */
    @Type("BsdaMetadata")
    public static class BsdaMetadata {
        @NonNull public List<@NonNull BsdaError> errors;
        @NonNull public BsdaMetadataFields fields;
        /** The BSDA the metadata is of (not in the API: it resolves {@code latestRevision}). */
        @Ignore
        public String bsdaId;
    }

    @Type("BsdaEdge")
    public static class BsdaEdge {
        @NonNull public String cursor;
        @NonNull public Bsda node;
    }

    @Type("BsdaConnection")
    public static class BsdaConnection {
        @NonNull public int totalCount;
        @NonNull public PageInfo pageInfo;
        @NonNull public List<@NonNull BsdaEdge> edges;
    }
}
