package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** A BSDD grouped into another one, as the grouping BSDD shows it. */
@Type("InitialForm")
public class InitialForm {
    public @Id @NonNull String id;
    public @NonNull String readableId;
    public FormStatus status;
    public WasteDetails wasteDetails;
    public Emitter emitter;
    public String emitterPostalCode;
    public Recipient recipient;
    public Transporter transporter;
    public Instant takenOverAt;
    public Instant signedAt;
    public Double quantityReceived;
    public Double quantityAccepted;
    public Double quantityRefused;
    public String processingOperationDone;
    public Double quantityGrouped;
}
