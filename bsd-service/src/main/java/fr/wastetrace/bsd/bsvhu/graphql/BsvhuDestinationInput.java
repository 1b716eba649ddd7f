package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.bsvhu.model.BsvhuDestinationType;
import fr.wastetrace.bsd.common.CompanyInput;
import org.eclipse.microprofile.graphql.Input;

/** The destination. */
@Input("BsvhuDestinationInput")
public class BsvhuDestinationInput {
    public BsvhuDestinationType type;
    public String agrementNumber;
    public CompanyInput company;
    public String plannedOperationCode;
    public BsvhuReceptionInput reception;
    public BsvhuOperationInput operation;
}
