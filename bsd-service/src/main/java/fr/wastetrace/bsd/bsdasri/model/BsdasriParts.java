package fr.wastetrace.bsd.bsdasri.model;

import fr.wastetrace.graphql.PageInfo;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.bsd.common.PickupSite;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** The parts of a {@link Bsdasri}, with the contract's type names. */
public final class BsdasriParts {
    private BsdasriParts() {
    }

    @Type("BsdasriSignature")
    public static class BsdasriSignature {
        public String author;
        public Instant date;

        public BsdasriSignature() {
        }

        public BsdasriSignature(String author, Instant date) {
            this.author = author;
            this.date = date;
        }
    }

    @Type("BsdasriWeight")
    public static class BsdasriWeight {
        @NonNull public Double value;
        @NonNull @Name("isEstimate") public Boolean isEstimate;
    }

    @Type("BsdasriOperationWeight")
    public static class BsdasriOperationWeight {
        @NonNull public Double value;
    }

    @Type("BsdasriPackaging")
    public static class BsdasriPackaging {
        @NonNull public BsdasriPackagingType type;
        public String other;
        @NonNull public Integer quantity;
        @NonNull public Double volume;
    }

    @Type("BsdasriWasteAcceptation")
    public static class BsdasriWasteAcceptation {
        public WasteAcceptationStatus status;
        public String refusalReason;
        public Double refusedWeight;
    }

    @Type("BsdasriRecepisse")
    public static class BsdasriRecepisse {
        @Name("isExempted") public Boolean isExempted;
        public String number;
        public String department;
        public Instant validityLimit;
    }

    @Type("BsdasriEmission")
    public static class BsdasriEmission {
        public Double volume;
        public List<@NonNull BsdasriPackaging> packagings;
        public BsdasriWeight weight;
        public BsdasriSignature signature;
        @Name("isTakenOverWithoutEmitterSignature") public Boolean isTakenOverWithoutEmitterSignature;
        @Name("isTakenOverWithSecretCode") public Boolean isTakenOverWithSecretCode;
    }

    @Type("BsdasriEmitter")
    public static class BsdasriEmitter {
        public FormCompany company;
        public PickupSite pickupSite;
        public String customInfo;
        public BsdasriEmission emission;
    }

    @Type("BsdasriEcoOrganisme")
    public static class BsdasriEcoOrganisme {
        @NonNull public String name;
        @NonNull public String siret;
        public Boolean emittedByEcoOrganisme;
    }

    @Type("BsdasriWaste")
    public static class BsdasriWaste {
        public String code;
        public String adr;
    }

    @Type("BsdasriTransport")
    public static class BsdasriTransport {
        public BsdasriWasteAcceptation acceptation;
        public Instant handedOverAt;
        public Instant takenOverAt;
        public TransportMode mode;
        public List<@NonNull String> plates;
        public List<@NonNull BsdasriPackaging> packagings;
        public Double volume;
        public BsdasriWeight weight;
        public BsdasriSignature signature;
    }

    @Type("BsdasriTransporter")
    public static class BsdasriTransporter {
        public FormCompany company;
        public BsdasriRecepisse recepisse;
        public String customInfo;
        public BsdasriTransport transport;
    }

    @Type("BsdasriReception")
    public static class BsdasriReception {
        public Double volume;
        public List<@NonNull BsdasriPackaging> packagings;
        public BsdasriWasteAcceptation acceptation;
        public Instant date;
        public BsdasriSignature signature;
    }

    @Type("BsdasriOperation")
    public static class BsdasriOperation {
        public BsdasriOperationWeight weight;
        public String code;
        public OperationMode mode;
        public Instant date;
        public BsdasriSignature signature;
    }

    @Type("BsdasriDestination")
    public static class BsdasriDestination {
        public FormCompany company;
        public String cap;
        public String customInfo;
        public BsdasriReception reception;
        public BsdasriOperation operation;
    }

    @Type("BsdasriBroker")
    public static class BsdasriBroker {
        public FormCompany company;
        public BsdasriRecepisse recepisse;
    }

    @Type("BsdasriTrader")
    public static class BsdasriTrader {
        public FormCompany company;
        public BsdasriRecepisse recepisse;
    }

    @Type("BsdasriIdentification")
    public static class BsdasriIdentification {
        public List<@NonNull String> numbers;
    }

    /** A BSDASRI held by a grouping or a synthesis, as that one shows it. */
    @Type("InitialBsdasri")
    public static class InitialBsdasri {
        @Id @NonNull public String id;
        public Integer quantity;
        public Double volume;
        public Double weight;
        public Instant takenOverAt;
        public String postalCode;
    }

    @Type("BsdasriError")
    public static class BsdasriError {
        @NonNull public String message;
        @NonNull public String path;
        @NonNull public List<@NonNull BsdasriSignatureType> requiredFor;
    }

    @Type("BsdasriEdge")
    public static class BsdasriEdge {
        @NonNull public String cursor;
        @NonNull public Bsdasri node;
    }

    @Type("BsdasriConnection")
    public static class BsdasriConnection {
        @NonNull public int totalCount;
        @NonNull public PageInfo pageInfo;
        @NonNull public List<@NonNull BsdasriEdge> edges;
    }
}
