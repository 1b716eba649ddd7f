package fr.wastetrace.bsd.core.search;

import org.eclipse.microprofile.graphql.Input;

/** A filter on the next destination. */
@Input("BsdNextDestinationWhere")
public class BsdNextDestinationWhere {
    public BsdCompanyWhere company;
}
