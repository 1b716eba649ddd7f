package fr.wastetrace.bsd.bsvhu.model;

import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.bsd.common.Signature;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Type;

/** The operation done by the destination. */
@Type("BsvhuOperation")
public class BsvhuOperation {
    public Instant date;
    public String code;
    public OperationMode mode;
    public BsvhuNextDestination nextDestination;
    public Signature signature;
}
