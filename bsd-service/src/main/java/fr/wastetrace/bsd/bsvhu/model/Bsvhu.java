package fr.wastetrace.bsd.bsvhu.model;

import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.search.Bsd;
import io.smallrye.graphql.api.Nullable;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A BSVHU as the API shows it (the contract's {@code Bsvhu}). It is also the stored document (core
 * {@code DocumentStore}) and the payload of {@code bsvhu.upserted} / {@code bsvhu.deleted} (schema
 * {@code bsvhu-state.v1.json} in libs/events), with {@code version} and {@code isDeleted} added. {@code metadata} is
 * computed when asked for ({@code BsvhuFieldsApi}), never stored.
 */
@Type("Bsvhu")
public class Bsvhu implements Bsd {
    @Id
    @NonNull
    public String id;
    @NonNull
    public BsvhuStatus status;
    @NonNull
    @Name("isDraft")
    public boolean isDraft;
    public Instant createdAt;
    public Instant updatedAt;
    public String customId;
    @Name("isDuplicateOf")
    public String isDuplicateOf;
    public BsvhuEmitter emitter;
    public BsvhuEcoOrganisme ecoOrganisme;
    public String wasteCode;
    public BsvhuPackaging packaging;
    public BsvhuIdentification identification;
    public Integer quantity;
    public BsvhuWeight weight;
    public Boolean containsElectricOrHybridVehicles;
    public BsvhuDestination destination;
    /** Transporter number 1, for clients that know one transporter only. */
    public BsvhuTransporter transporter;
    @NonNull
    public List<@NonNull BsvhuTransporter> transporters = new ArrayList<>();
    public BsvhuBroker broker;
    public BsvhuTrader trader;
    @Nullable
    public List<@NonNull FormCompany> intermediaries = new ArrayList<>();

    /** The BSVHU's version after the change an event describes (events only). */
    @Ignore
    public long version;
    /** Whether the event describes a deletion (events only). */
    @Ignore
    public boolean isDeleted;
}
