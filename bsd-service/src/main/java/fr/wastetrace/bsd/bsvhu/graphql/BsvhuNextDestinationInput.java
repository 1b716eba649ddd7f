package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.CompanyInput;
import org.eclipse.microprofile.graphql.Input;

/** The next destination. */
@Input("BsvhuNextDestinationInput")
public class BsvhuNextDestinationInput {
    public CompanyInput company;
}
