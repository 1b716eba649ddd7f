package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.bsd.common.QuantityType;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What is written on a BSDD, frame by frame, with the field names of the contract's {@code Form}: stored as one
 * document per BSDD and extended by {@link Form} with the bookkeeping and computed fields.
 */
public class BsddData {
    public String customId;
    @Name("isDuplicateOf")
    public String isDuplicateOf;
    @NonNull
    @Name("isImportedFromPaper")
    public Boolean isImportedFromPaper = false;
    public Emitter emitter;
    public Recipient recipient;
    public WasteDetails wasteDetails;
    public Trader trader;
    public Broker broker;
    public FormEcoOrganisme ecoOrganisme;
    @NonNull
    public List<@NonNull FormCompany> intermediaries = new ArrayList<>();
    @NonNull
    @Name("isDirectSupply")
    public Boolean isDirectSupply = false;

    public Instant emittedAt;
    public String emittedBy;
    public Boolean emittedByEcoOrganisme;
    public Instant takenOverAt;
    public String takenOverBy;
    @Deprecated
    public Instant sentAt;
    @Deprecated
    public String sentBy;
    @Deprecated
    public Boolean signedByTransporter;

    public Instant receivedAt;
    public String receivedBy;
    public Instant signedAt;
    public WasteAcceptationStatus wasteAcceptationStatus;
    public String wasteRefusalReason;
    public Double quantityReceived;
    public QuantityType quantityReceivedType;
    public Double quantityRefused;
    public Boolean hasCiterneBeenWashedOut;
    public CiterneNotWashedOutReason citerneNotWashedOutReason;
    public EmptyReturnADR emptyReturnADR;

    public String processingOperationDone;
    public OperationMode destinationOperationMode;
    public String processingOperationDescription;
    public String processedBy;
    public Instant processedAt;
    public Boolean noTraceability;
    public NextDestination nextDestination;
    @Name("isUpcycled")
    public Boolean isUpcycled;

    public String currentTransporterSiret;
    public String nextTransporterSiret;

    /**
     * Frames 13 to 19 when the waste goes through temporary storage (the "suite"), null otherwise: the temporary
     * storer's reception, then the onward journey. The top-level reception and processing fields are then those of
     * the final destination.
     */
    public TemporaryStorageDetail temporaryStorageDetail;

    /**
     * The BSDDs grouped in this one (appendix 2, or the items of an appendix-1 container) with the quantity of
     * each; the API resolves them as {@code grouping}, the events carry them under that name.
     */
    @Ignore
    @JsonProperty("grouping")
    public List<GroupingFraction> groupingFractions = new ArrayList<>();
}
