package fr.wastetrace.bsd.core.search;

import org.eclipse.microprofile.graphql.Input;

/** A filter on the transporters. */
@Input("BsdTransporterWhere")
public class BsdTransporterWhere {
    public BsdCompanyWhere company;
    public TextFilter customInfo;
    public BsdTransportWhere transport;
}
