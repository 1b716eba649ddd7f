package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.bsdd.model.CiterneNotWashedOutReason;
import fr.wastetrace.bsd.bsdd.model.EmptyReturnADR;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.eclipse.microprofile.graphql.NonNull;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Input;

/** Acceptance (frame 10) after a reception without it. */
@Input("AcceptedFormInput")
public class AcceptedFormInput {
    @NonNull
    public WasteAcceptationStatus wasteAcceptationStatus;
    public String wasteRefusalReason;
    @NonNull
    public Instant signedAt;
    @NonNull
    public String signedBy;
    @NonNull
    public Double quantityReceived;
    @NonNull
    public Double quantityRefused;
    public Boolean hasCiterneBeenWashedOut;
    public CiterneNotWashedOutReason citerneNotWashedOutReason;
    public EmptyReturnADR emptyReturnADR;
}
