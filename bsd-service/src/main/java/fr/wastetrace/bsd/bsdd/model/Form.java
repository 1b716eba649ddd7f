package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.core.search.Bsd;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A BSDD as the API shows it (the contract's {@code Form}). It is also the payload of {@code bsdd.upserted} /
 * {@code bsdd.deleted} events ({@code BsddViews#payload}, schema {@code schemas/bsdd-state.v1.json} in libs/events):
 * fields that only make sense in events carry {@link Ignore}.
 */
@Type("Form")
public class Form extends BsddData implements Bsd {
    @Id
    @NonNull
    public String id;
    @NonNull
    public String readableId;
    @NonNull
    public FormStatus status;
    public Instant createdAt;
    public Instant updatedAt;
    /** Transporter number 1, kept for clients that know one transporter only. */
    public Transporter transporter;
    @NonNull
    public List<@NonNull Transporter> transporters = new ArrayList<>();
    public Double quantityAccepted;
    public StateSummary stateSummary;

    /** The BSDD's version after the change the event describes. */
    @Ignore
    public long version;
    @Ignore
    public boolean isDeleted;
}
