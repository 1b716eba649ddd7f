package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.common.CompanyWhere;
import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the transporter. */
@Input("BspaohTransporterWhere")
public class BspaohTransporterWhere {
    public CompanyWhere company;
    public StringFilter customInfo;
    public BspaohTransportWhere transport;
}
