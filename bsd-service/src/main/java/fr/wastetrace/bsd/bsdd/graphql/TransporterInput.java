package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.common.CompanyInput;
import fr.wastetrace.graphql.TransportMode;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Input;

/** Frame 8; the receipt is copied from the transporter's profile, whatever is sent. */
@Input("TransporterInput")
public class TransporterInput {
    public CompanyInput company;
    public Boolean isExemptedOfReceipt;
    @Deprecated
    public String receipt;
    @Deprecated
    public String department;
    @Deprecated
    public Instant validityLimit;
    public String numberPlate;
    public String customInfo;
    public TransportMode mode;
}
