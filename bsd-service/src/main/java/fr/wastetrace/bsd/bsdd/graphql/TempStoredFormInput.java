package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.common.QuantityType;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Instant;

/** Reception at the temporary storage facility (frame 13), with the acceptance when it is decided at once. */
@Input("TempStoredFormInput")
public class TempStoredFormInput {
    public WasteAcceptationStatus wasteAcceptationStatus;
    public String wasteRefusalReason;
    @NonNull
    public String receivedBy;
    @NonNull
    public Instant receivedAt;
    public Instant signedAt;
    @NonNull
    public Double quantityReceived;
    public Double quantityRefused;
    @NonNull
    public QuantityType quantityType;
}
