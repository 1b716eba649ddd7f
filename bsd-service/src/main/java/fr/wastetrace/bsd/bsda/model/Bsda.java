package fr.wastetrace.bsd.bsda.model;

import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaBroker;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaDestination;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaEcoOrganisme;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaEmitter;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaPackaging;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaTransporter;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaWaste;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaWeight;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaWorker;
import fr.wastetrace.bsd.bsda.model.BsdaParts.InitialBsda;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.search.Bsd;
import io.smallrye.graphql.api.Nullable;
import org.eclipse.microprofile.graphql.Id;
import fr.wastetrace.bsd.core.operation.FinalOperation;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A BSDA as the API shows it (the contract's {@code Bsda}); also the stored document (core {@code DocumentStore}) and
 * the payload of {@code bsda.upserted} / {@code bsda.deleted} (schema {@code bsda-state.v1.json} in libs/events), with
 * {@code version}, {@code isDeleted}, the id of the BSDA that groups or forwards it and the destination company of the
 * one that forwards it. {@code metadata}, {@code groupedIn} and {@code forwardedIn} are resolved when asked for.
 */
@Type("Bsda")
public class Bsda implements Bsd {
    @Id
    @NonNull
    public String id;
    @NonNull
    public BsdaStatus status;
    public BsdaType type;
    @NonNull
    @Name("isDraft")
    public boolean isDraft;
    @Name("isDuplicateOf")
    public String isDuplicateOf;
    @NonNull
    public Instant createdAt;
    @NonNull
    public Instant updatedAt;
    public BsdaEmitter emitter;
    public BsdaEcoOrganisme ecoOrganisme;
    public BsdaWaste waste;
    @Nullable
    public List<@NonNull BsdaPackaging> packagings = new ArrayList<>();
    public BsdaWeight weight;
    public BsdaWorker worker;
    public BsdaDestination destination;
    /** Transporter number 1, for clients that know one transporter only. */
    public BsdaTransporter transporter;
    @NonNull
    public List<@NonNull BsdaTransporter> transporters = new ArrayList<>();
    public BsdaBroker broker;
    @Nullable
    public List<@NonNull FormCompany> intermediaries = new ArrayList<>();
    /** The BSDAs a GATHERING BSDA groups. */
    @Nullable
    public List<@NonNull InitialBsda> grouping = new ArrayList<>();
    /** The BSDA a RESHIPMENT BSDA forwards. */
    public InitialBsda forwarding;

    /** The GATHERING BSDA that groups this one (events and storage; the API resolves {@code groupedIn}). */
    @Ignore
    public String groupedInId;
    /** The RESHIPMENT BSDA that forwards this one (events and storage; the API resolves {@code forwardedIn}). */
    @Ignore
    public String forwardedInId;
    /**
     * The destination company of the RESHIPMENT BSDA that forwards this one, as that BSDA shows it now (its name,
     * identifiers, address and country only), kept up to date by the service for the registers'
     * {@code postTempStorageDestination*} columns (events and storage only); null when not forwarded or when the
     * forwarding BSDA has no destination yet.
     */
    @Ignore
    public FormCompany forwardedInDestinationCompany;
    /**
     * The final treatments reached by this BSDA or downstream of it (a grouping or reshipment BSDA that took it over),
     * for the registers (events and storage only).
     */
    @Ignore
    public List<FinalOperation> finalOperations = new ArrayList<>();
    /** The BSDA's version after the change an event describes (events only). */
    @Ignore
    public long version;
    /** Whether the event describes a deletion (events only). */
    @Ignore
    public boolean isDeleted;
}
