package fr.wastetrace.bsd.core.search;

import org.eclipse.microprofile.graphql.Input;

/** A filter on the destination. */
@Input("BsdDestinationWhere")
public class BsdDestinationWhere {
    public BsdAcceptationWhere acceptation;
    public TextFilter cap;
    public BsdCompanyWhere company;
    public TextFilter customInfo;
    public BsdOperationWhere operation;
    public BsdReceptionWhere reception;
}
