package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.CompanyWhere;
import org.eclipse.microprofile.graphql.Input;

/** Filters on the destination. */
@Input("BsvhuDestinationWhere")
public class BsvhuDestinationWhere {
    public CompanyWhere company;
    public BsvhuReceptionWhere reception;
    public BsvhuOperationWhere operation;
}
