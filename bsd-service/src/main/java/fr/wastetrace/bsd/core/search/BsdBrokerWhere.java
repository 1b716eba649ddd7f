package fr.wastetrace.bsd.core.search;

import org.eclipse.microprofile.graphql.Input;

/** A filter on the broker. */
@Input("BsdBrokerWhere")
public class BsdBrokerWhere {
    public BsdCompanyWhere company;
}
