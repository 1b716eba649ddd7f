package fr.wastetrace.bsd.bsff.graphql;

import fr.wastetrace.bsd.bsff.model.BsffOperationCode;
import fr.wastetrace.bsd.bsff.model.BsffPackagingType;
import fr.wastetrace.bsd.bsff.model.BsffSignatureType;
import fr.wastetrace.bsd.bsff.model.BsffType;
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

/** The inputs of the BSFF mutations, with the contract's names. */
public final class BsffInputs {
    private BsffInputs() {
    }

    @Input("BsffInput")
    public static class BsffInput {
        public BsffType type;
        public BsffEmitterInput emitter;
        public BsffWasteInput waste;
        public BsffWeightInput weight;
        public BsffTransporterInput transporter;
        @Id public List<@NonNull String> transporters;
        public BsffDestinationInput destination;
        @Id public List<@NonNull String> ficheInterventions;
        public List<@NonNull BsffPackagingInput> packagings;
        @Id public List<@NonNull String> forwarding;
        @Id public List<@NonNull String> repackaging;
        @Id public List<@NonNull String> grouping;
    }

    @Input("BsffEmitterInput")
    public static class BsffEmitterInput {
        public CompanyInput company;
        public String customInfo;
    }

    @Input("BsffWasteInput")
    public static class BsffWasteInput {
        @NonNull public String code;
        public String description;
        public String adr;
    }

    @Input("BsffWeightInput")
    public static class BsffWeightInput {
        @NonNull public Double value;
        @NonNull @Name("isEstimate") public Boolean isEstimate;
    }

    @Input("BsffTransporterInput")
    public static class BsffTransporterInput {
        public CompanyInput company;
        public String customInfo;
        public BsffTransporterRecepisseInput recepisse;
        public BsffTransporterTransportInput transport;
    }

    @Input("BsffTransporterRecepisseInput")
    public static class BsffTransporterRecepisseInput {
        @Deprecated public String number;
        @Deprecated public String department;
        @Deprecated public Instant validityLimit;
        @Name("isExempted") public Boolean isExempted;
    }

    @Input("BsffTransporterTransportInput")
    public static class BsffTransporterTransportInput {
        public TransportMode mode;
        public List<@NonNull String> plates;
        public Instant takenOverAt;
    }

    @Input("BsffDestinationInput")
    public static class BsffDestinationInput {
        public CompanyInput company;
        public String cap;
        public BsffOperationCode plannedOperationCode;
        public String customInfo;
        public BsffDestinationReceptionInput reception;
    }

    @Input("BsffDestinationReceptionInput")
    public static class BsffDestinationReceptionInput {
        @NonNull public Instant date;
    }

    @Input("BsffPackagingInput")
    public static class BsffPackagingInput {
        @Deprecated public String name;
        @NonNull public BsffPackagingType type;
        public String other;
        public Double volume;
        @NonNull public Double weight;
        @NonNull public String numero;
    }

    @Input("BsffFicheInterventionInput")
    public static class BsffFicheInterventionInput {
        @NonNull public String numero;
        @NonNull public Double weight;
        @NonNull public String postalCode;
        @NonNull public BsffDetenteurInput detenteur;
        @NonNull public BsffOperateurInput operateur;
    }

    @Input("BsffDetenteurInput")
    public static class BsffDetenteurInput {
        public CompanyInput company;
        @Name("isPrivateIndividual") public Boolean isPrivateIndividual;
    }

    @Input("BsffOperateurInput")
    public static class BsffOperateurInput {
        @NonNull public CompanyInput company;
    }

    @Input("BsffSignatureInput")
    public static class BsffSignatureInput {
        @NonNull public BsffSignatureType type;
        public Instant date;
        @NonNull public String author;
        public Integer securityCode;
        @Id public String packagingId;
    }

    @Input("UpdateBsffPackagingInput")
    public static class UpdateBsffPackagingInput {
        public String numero;
        public BsffPackagingAcceptationInput acceptation;
        public BsffPackagingOperationInput operation;
    }

    @Input("BsffPackagingAcceptationInput")
    public static class BsffPackagingAcceptationInput {
        @NonNull public Instant date;
        @NonNull public WasteAcceptationStatus status;
        public String refusalReason;
        @NonNull public Double weight;
        public String wasteCode;
        public String wasteDescription;
    }

    @Input("BsffPackagingOperationInput")
    public static class BsffPackagingOperationInput {
        @NonNull public Instant date;
        @NonNull public BsffOperationCode code;
        public OperationMode mode;
        @NonNull public String description;
        @Name("noTraceability") public Boolean noTraceability;
        public BsffPackagingNextDestinationInput nextDestination;
    }

    @Input("BsffPackagingNextDestinationInput")
    public static class BsffPackagingNextDestinationInput {
        public CompanyInput company;
        public String cap;
        public BsffOperationCode plannedOperationCode;
    }
}
