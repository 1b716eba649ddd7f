package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.common.CompanyInput;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Input;

/** Frame 7; the receipt is copied from the company's profile, whatever is sent. */
@Input("BrokerInput")
public class BrokerInput {
    public CompanyInput company;
    @Deprecated
    public String receipt;
    @Deprecated
    public String department;
    @Deprecated
    public Instant validityLimit;
}
