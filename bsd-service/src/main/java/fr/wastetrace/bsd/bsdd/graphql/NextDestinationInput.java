package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.common.CompanyInput;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Input;

/** Frame 12: where the waste goes after a grouping operation. */
@Input("NextDestinationInput")
public class NextDestinationInput {
    @NonNull
    public String processingOperation;
    public String notificationNumber;
    public CompanyInput company;
}
