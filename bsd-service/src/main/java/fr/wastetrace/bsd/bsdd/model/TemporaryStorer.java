package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.QuantityType;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** Reception at the temporary storage facility (frame 13). */
@Type("TemporaryStorer")
public class TemporaryStorer {
    public QuantityType quantityType;
    public Double quantityReceived;
    public Double quantityRefused;
    public Double quantityAccepted;
    public WasteAcceptationStatus wasteAcceptationStatus;
    public String wasteRefusalReason;
    public Instant receivedAt;
    public String receivedBy;
    public Instant signedAt;
}
