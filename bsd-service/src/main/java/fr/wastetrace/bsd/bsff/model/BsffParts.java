package fr.wastetrace.bsd.bsff.model;

import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.graphql.PageInfo;
import fr.wastetrace.bsd.common.Signature;
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

/** The parts of a {@link Bsff}, with the contract's type names. */
public final class BsffParts {
    private BsffParts() {
    }

    @Type("BsffEmitter")
    public static class BsffEmitter {
        public FormCompany company;
        public String customInfo;
        public BsffEmission emission;
    }

    @Type("BsffEmission")
    public static class BsffEmission {
        public Signature signature;
    }

    @Type("BsffWaste")
    public static class BsffWaste {
        @NonNull public String code;
        public String description;
        public String adr;
    }

    @Type("BsffWeight")
    public static class BsffWeight {
        @NonNull public Double value;
        @NonNull @Name("isEstimate") public Boolean isEstimate;
    }

    @Type("BsffDestination")
    public static class BsffDestination {
        public FormCompany company;
        public String cap;
        public BsffOperationCode plannedOperationCode;
        public String customInfo;
        public BsffReception reception;
    }

    @Type("BsffReception")
    public static class BsffReception {
        public Instant date;
        public Signature signature;
    }

    @Type("BsffTransporter")
    public static class BsffTransporter {
        @Id @NonNull public String id;
        public FormCompany company;
        public String customInfo;
        public BsffTransporterRecepisse recepisse;
        public BsffTransport transport;
    }

    @Type("BsffTransporterRecepisse")
    public static class BsffTransporterRecepisse {
        public String number;
        public String department;
        public Instant validityLimit;
        @Name("isExempted") public Boolean isExempted;
    }

    @Type("BsffTransport")
    public static class BsffTransport {
        public TransportMode mode;
        public List<@NonNull String> plates;
        public Instant takenOverAt;
        public Signature signature;
    }

    @Type("BsffFicheIntervention")
    public static class BsffFicheIntervention {
        @Id @NonNull public String id;
        @NonNull public String numero;
        @NonNull public Double weight;
        @NonNull public String postalCode;
        public BsffDetenteur detenteur;
        public BsffOperateur operateur;
    }

    @Type("BsffDetenteur")
    public static class BsffDetenteur {
        public FormCompany company;
        @Name("isPrivateIndividual") public Boolean isPrivateIndividual;
    }

    @Type("BsffOperateur")
    public static class BsffOperateur {
        @NonNull public FormCompany company;
    }

    @Type("BsffPackagingAcceptation")
    public static class BsffPackagingAcceptation {
        public Instant date;
        public Double weight;
        public WasteAcceptationStatus status;
        public String refusalReason;
        public String wasteCode;
        public String wasteDescription;
        public Signature signature;
    }

    @Type("BsffPackagingOperation")
    public static class BsffPackagingOperation {
        public Instant date;
        public BsffOperationCode code;
        public OperationMode mode;
        public String description;
        @Name("noTraceability") public Boolean noTraceability;
        public BsffPackagingNextDestination nextDestination;
        public Signature signature;
    }

    @Type("BsffPackagingNextDestination")
    public static class BsffPackagingNextDestination {
        public FormCompany company;
        public String cap;
        public BsffOperationCode plannedOperationCode;
    }

    @Type("InitialBsff")
    public static class InitialBsff {
        @Id @NonNull public String id;
        @NonNull public BsffType type;
        /** Resolved in the API ({@code BsffApi.emitter}), for those who may read the initial BSFF only. */
        @Ignore public BsffEmitter emitter;
        public BsffWaste waste;
        public BsffWeight weight;
        public BsffDestination destination;
        @NonNull public List<@NonNull BsffPackaging> packagings = new ArrayList<>();
        /** Resolved per caller in the API ({@code BsffApi.ficheInterventions}). */
        @Ignore public List<BsffFicheIntervention> ficheInterventions = new ArrayList<>();
    }

    @Type("BsffMetadata")
    public static class BsffMetadata {
        @NonNull public List<@NonNull BsffError> errors;
        @NonNull public BsffMetadataFields fields;
    }

    @Type("BsffMetadataFields")
    public static class BsffMetadataFields {
        @NonNull public List<@NonNull List<@NonNull String>> sealed;
    }

    @Type("BsffError")
    public static class BsffError {
        @NonNull public String message;
        @NonNull public List<@NonNull String> path;
        @NonNull public BsffSignatureType requiredFor;
    }

    @Type("BsffConnection")
    public static class BsffConnection {
        @NonNull public int totalCount;
        @NonNull public PageInfo pageInfo;
        @NonNull public List<@NonNull BsffEdge> edges;
    }

    @Type("BsffEdge")
    public static class BsffEdge {
        @NonNull public String cursor;
        @NonNull public Bsff node;
    }

    @Type("BsffPackagingConnection")
    public static class BsffPackagingConnection {
        @NonNull public int totalCount;
        @NonNull public PageInfo pageInfo;
        @NonNull public List<@NonNull BsffPackagingEdge> edges;
    }

    @Type("BsffPackagingEdge")
    public static class BsffPackagingEdge {
        @NonNull public String cursor;
        @NonNull public BsffPackaging node;
    }
}
