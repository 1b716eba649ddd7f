package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.common.QuantityType;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Instant;

/** Acceptance at the temporary storage facility (frame 13) after a reception without it. */
@Input("TempStorerAcceptedFormInput")
public class TempStorerAcceptedFormInput {
    @NonNull
    public Instant signedAt;
    @NonNull
    public String signedBy;
    @NonNull
    public WasteAcceptationStatus wasteAcceptationStatus;
    public String wasteRefusalReason;
    @NonNull
    public Double quantityReceived;
    @NonNull
    public Double quantityRefused;
    @NonNull
    public QuantityType quantityType;
}
