package fr.wastetrace.bsd.bsff.model;

import fr.wastetrace.bsd.bsff.model.BsffParts.BsffDestination;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffEmitter;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffFicheIntervention;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffTransporter;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffWaste;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffWeight;
import fr.wastetrace.bsd.core.search.Bsd;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A BSFF as the API shows it (the contract's {@code Bsff}), also the stored document (core {@code DocumentStore}) and
 * the payload of {@code bsff.upserted} / {@code bsff.deleted} (schema {@code bsff-state.v1.json}), with
 * {@code version} and {@code isDeleted} added. The containers ({@code packagings}) are part of the document, each
 * with its own id and, for a follow-up BSFF, the ids of the containers it takes over; {@code grouping},
 * {@code forwarding}, {@code repackaging} and {@code metadata} are resolved from them when asked for
 * ({@code BsffFieldsApi}).
 */
@Type("Bsff")
public class Bsff implements Bsd {
    @Id
    @NonNull
    public String id;
    @NonNull
    public BsffStatus status;
    @NonNull
    @Name("isDraft")
    public boolean isDraft;
    @NonNull
    public Instant createdAt;
    @NonNull
    public Instant updatedAt;
    @Name("isDuplicateOf")
    public String isDuplicateOf;
    @NonNull
    public BsffType type = BsffType.TRACER_FLUIDE;
    public BsffEmitter emitter;
    public BsffWaste waste;
    public BsffWeight weight;
    public BsffDestination destination;
    /** Transporter number 1, for clients that know one transporter only. */
    public BsffTransporter transporter;
    @NonNull
    public List<@NonNull BsffTransporter> transporters = new ArrayList<>();
    /** Resolved per caller in the API ({@code BsffApi.ficheInterventions}): a holder sees only their own. */
    @Ignore
    public List<BsffFicheIntervention> ficheInterventions = new ArrayList<>();
    @NonNull
    public List<@NonNull BsffPackaging> packagings = new ArrayList<>();

    /** The BSFF's version after the change an event describes (events only). */
    @Ignore
    public long version;
    /** Whether the event describes a deletion (events only). */
    @Ignore
    public boolean isDeleted;
}
