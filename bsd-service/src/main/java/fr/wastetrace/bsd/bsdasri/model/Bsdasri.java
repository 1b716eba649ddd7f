package fr.wastetrace.bsd.bsdasri.model;

import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriBroker;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriDestination;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriEcoOrganisme;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriEmitter;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriIdentification;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriTrader;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriTransporter;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriWaste;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.InitialBsdasri;
import fr.wastetrace.bsd.common.FormCompany;
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
 * A BSDASRI as the API shows it (the contract's {@code Bsdasri}); also the stored document (core
 * {@code DocumentStore}) and the payload of {@code bsdasri.upserted} / {@code bsdasri.deleted} (schema
 * {@code bsdasri-state.v1.json}), with {@code version}, {@code isDeleted} and the ids of the grouping or synthesis
 * that holds it. {@code metadata}, {@code groupedIn} and {@code synthesizedIn} are resolved when asked for.
 */
@Type("Bsdasri")
public class Bsdasri implements Bsd {
    @Id
    @NonNull
    public String id;
    @NonNull
    public BsdasriStatus status;
    @NonNull
    public BsdasriType type = BsdasriType.SIMPLE;
    @NonNull
    @Name("isDraft")
    public boolean isDraft;
    public Instant createdAt;
    public Instant updatedAt;
    @Name("isDuplicateOf")
    public String isDuplicateOf;
    public BsdasriEmitter emitter;
    public BsdasriEcoOrganisme ecoOrganisme;
    public BsdasriWaste waste;
    public BsdasriTransporter transporter;
    public BsdasriDestination destination;
    public BsdasriBroker broker;
    public BsdasriTrader trader;
    public List<@NonNull FormCompany> intermediaries = new ArrayList<>();
    public BsdasriIdentification identification;
    /**
     * Whether the emitter lets the transporter take the waste over without its signature (its company setting;
     * deprecated in the contract, as in the reference).
     */
    @Deprecated
    public Boolean allowDirectTakeOver;
    public List<@NonNull InitialBsdasri> grouping = new ArrayList<>();
    public List<@NonNull InitialBsdasri> synthesizing = new ArrayList<>();

    /** The grouping BSDASRI that holds this one (events and storage; the API resolves {@code groupedIn}). */
    @Ignore
    public String groupedInId;
    /** The synthesis BSDASRI that holds this one (events and storage; the API resolves {@code synthesizedIn}). */
    @Ignore
    public String synthesizedInId;
    /** The BSDASRI's version after the change an event describes (events only). */
    @Ignore
    public long version;
    /** Whether the event describes a deletion (events only). */
    @Ignore
    public boolean isDeleted;
}
