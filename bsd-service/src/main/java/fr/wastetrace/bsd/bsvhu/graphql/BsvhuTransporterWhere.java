package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.CompanyWhere;
import org.eclipse.microprofile.graphql.Input;

/** Filters on the transporters (any of them). */
@Input("BsvhuTransporterWhere")
public class BsvhuTransporterWhere {
    public CompanyWhere company;
    public BsvhuTransportWhere transport;
}
