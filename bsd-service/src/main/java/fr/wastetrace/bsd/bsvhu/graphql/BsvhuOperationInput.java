package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.graphql.OperationMode;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Input;

/** The operation. */
@Input("BsvhuOperationInput")
public class BsvhuOperationInput {
    public Instant date;
    public String code;
    public OperationMode mode;
    public BsvhuNextDestinationInput nextDestination;
}
