package fr.wastetrace.bsd.core.search;

import org.eclipse.microprofile.graphql.Input;

/** A filter on the trader. */
@Input("BsdTraderWhere")
public class BsdTraderWhere {
    public BsdCompanyWhere company;
}
