package fr.wastetrace.bsd.bspaoh.model;

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
 * A BSPAOH as the API shows it (the contract's {@code Bspaoh}). It is also the stored document (core
 * {@code DocumentStore}) and the payload of {@code bspaoh.upserted} / {@code bspaoh.deleted} (schema
 * {@code bspaoh-state.v1.json} in libs/events), with {@code version} and {@code isDeleted} added. A draft is stored
 * with the status {@code DRAFT} (as the reference) and shown as {@code INITIAL} with {@code isDraft}. The single
 * transporter is {@code transporter}; {@code transporters} lists it. {@code metadata} is computed when asked for.
 */
@Type("Bspaoh")
public class Bspaoh implements Bsd {
    @Id
    @NonNull
    public String id;
    @NonNull
    public BspaohStatus status;
    @NonNull
    @Name("isDraft")
    public boolean isDraft;
    @NonNull
    public Instant createdAt;
    @NonNull
    public Instant updatedAt;
    @Name("isDuplicateOf")
    public String isDuplicateOf;
    public BspaohEmitter emitter;
    public BspaohWaste waste;
    public BspaohTransporter transporter;
    @NonNull
    public List<@NonNull BspaohTransporter> transporters = new ArrayList<>();
    public BspaohDestination destination;

    /** The BSPAOH's version after the change an event describes (events only). */
    @Ignore
    public long version;
    /** Whether the event describes a deletion (events only). */
    @Ignore
    public boolean isDeleted;
}
