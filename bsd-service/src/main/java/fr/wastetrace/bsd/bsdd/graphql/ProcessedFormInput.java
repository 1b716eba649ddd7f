package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.graphql.OperationMode;
import org.eclipse.microprofile.graphql.NonNull;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

/** Processing (frame 11). */
@Input("ProcessedFormInput")
public class ProcessedFormInput {
    @NonNull
    public String processingOperationDone;
    public OperationMode destinationOperationMode;
    public Boolean isUpcycled;
    public List<@NonNull String> destinationParcelInseeCodes;
    public List<@NonNull String> destinationParcelNumbers;
    public List<@NonNull String> destinationParcelCoordinates;
    public String processingOperationDescription;
    @NonNull
    public String processedBy;
    @NonNull
    public Instant processedAt;
    public NextDestinationInput nextDestination;
    public Boolean noTraceability;
}
