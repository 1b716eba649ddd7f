package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.eclipse.microprofile.graphql.NonNull;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Input;

/** Reception (frame 10), with the acceptance when it is decided at once. */
@Input("ReceivedFormInput")
public class ReceivedFormInput {
    @NonNull
    public String receivedBy;
    @NonNull
    public Instant receivedAt;
    public WasteAcceptationStatus wasteAcceptationStatus;
    public String wasteRefusalReason;
    public Instant signedAt;
    public Double quantityReceived;
    public Double quantityRefused;
}
