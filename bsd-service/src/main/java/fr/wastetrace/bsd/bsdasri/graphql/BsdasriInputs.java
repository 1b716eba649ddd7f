package fr.wastetrace.bsd.bsdasri.graphql;

import fr.wastetrace.bsd.bsdasri.model.BsdasriPackagingType;
import fr.wastetrace.bsd.bsdasri.model.BsdasriSignatureType;
import fr.wastetrace.bsd.common.CompanyInput;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.bsd.common.PickupSiteInput;
import fr.wastetrace.bsd.common.SignatureAuthor;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Instant;
import java.util.List;

/**
 * The inputs of the BSDASRI mutations, with the contract's names. Their field names are those of the document
 * ({@code Bsdasri}), so that an input merges into it field by field; {@code grouping} and {@code synthesizing} are
 * ids, turned into {@code InitialBsdasri} by the service.
 */
public final class BsdasriInputs {
    private BsdasriInputs() {
    }

    /** A BSDASRI written by a client: on creation the BSDASRI, on update only the fields given. */
    @Input("BsdasriInput")
    public static class BsdasriInput {
        public BsdasriEmitterInput emitter;
        public BsdasriEcoOrganismeInput ecoOrganisme;
        public BsdasriWasteInput waste;
        public BsdasriTransporterInput transporter;
        public BsdasriDestinationInput destination;
        public BsdasriBrokerInput broker;
        public BsdasriTraderInput trader;
        public List<@NonNull CompanyInput> intermediaries;
        public BsdasriIdentificationInput identification;
        @Id
        public List<@NonNull String> grouping;
        @Id
        public List<@NonNull String> synthesizing;
    }

    @Input("BsdasriEmitterInput")
    public static class BsdasriEmitterInput {
        public CompanyInput company;
        public PickupSiteInput pickupSite;
        public String customInfo;
        public BsdasriEmissionInput emission;
    }

    @Input("BsdasriEmissionInput")
    public static class BsdasriEmissionInput {
        public BsdasriWeightInput weight;
        public List<@NonNull BsdasriPackagingsInput> packagings;
    }

    @Input("BsdasriPackagingsInput")
    public static class BsdasriPackagingsInput {
        @NonNull public BsdasriPackagingType type;
        public String other;
        @NonNull public Integer quantity;
        @NonNull public Double volume;
    }

    @Input("BsdasriWeightInput")
    public static class BsdasriWeightInput {
        public Double value;
        public Boolean isEstimate;
    }

    @Input("BsdasriRealWeightInput")
    public static class BsdasriRealWeightInput {
        @NonNull public Double value;
    }

    @Input("BsdasriEcoOrganismeInput")
    public static class BsdasriEcoOrganismeInput {
        @NonNull public String name;
        @NonNull public String siret;
    }

    @Input("BsdasriWasteInput")
    public static class BsdasriWasteInput {
        public String code;
        public String adr;
    }

    /** The receipt: only {@code isExempted} is still read (the number comes from the company's profile). */
    @Input("BsdasriRecepisseInput")
    public static class BsdasriRecepisseInput {
        public Boolean isExempted;
        @Deprecated
        public String number;
        @Deprecated
        public String department;
        @Deprecated
        public Instant validityLimit;
    }

    @Input("BsdasriAcceptationInput")
    public static class BsdasriAcceptationInput {
        public WasteAcceptationStatus status;
        public String refusalReason;
        public Double refusedWeight;
    }

    @Input("BsdasriTransporterInput")
    public static class BsdasriTransporterInput {
        public CompanyInput company;
        public BsdasriRecepisseInput recepisse;
        public String customInfo;
        public BsdasriTransportInput transport;
    }

    @Input("BsdasriTransportInput")
    public static class BsdasriTransportInput {
        public BsdasriAcceptationInput acceptation;
        public Instant handedOverAt;
        public Instant takenOverAt;
        public TransportMode mode;
        public List<@NonNull String> plates;
        public List<@NonNull BsdasriPackagingsInput> packagings;
        public BsdasriWeightInput weight;
    }

    @Input("BsdasriDestinationInput")
    public static class BsdasriDestinationInput {
        public CompanyInput company;
        public String cap;
        public String customInfo;
        public BsdasriReceptionInput reception;
        public BsdasriOperationInput operation;
    }

    @Input("BsdasriReceptionInput")
    public static class BsdasriReceptionInput {
        public BsdasriAcceptationInput acceptation;
        public Instant date;
        public List<@NonNull BsdasriPackagingsInput> packagings;
    }

    @Input("BsdasriOperationInput")
    public static class BsdasriOperationInput {
        public String code;
        public OperationMode mode;
        public Instant date;
        public BsdasriRealWeightInput weight;
    }

    @Input("BsdasriBrokerInput")
    public static class BsdasriBrokerInput {
        public CompanyInput company;
        public BsdasriRecepisseInput recepisse;
    }

    @Input("BsdasriTraderInput")
    public static class BsdasriTraderInput {
        public CompanyInput company;
        public BsdasriRecepisseInput recepisse;
    }

    @Input("BsdasriIdentificationInput")
    public static class BsdasriIdentificationInput {
        public List<@NonNull String> numbers;
    }

    @Input("BsdasriSignatureInput")
    public static class BsdasriSignatureInput {
        @NonNull public BsdasriSignatureType type;
        @NonNull public String author;
        public Instant date;
    }

    @Input("BsdasriSignatureWithSecretCodeInput")
    public static class BsdasriSignatureWithSecretCodeInput {
        @NonNull public String author;
        @NonNull public Integer securityCode;
        public SignatureAuthor signatureAuthor;
    }
}
