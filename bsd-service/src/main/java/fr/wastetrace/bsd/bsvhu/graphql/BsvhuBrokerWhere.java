package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.CompanyWhere;
import org.eclipse.microprofile.graphql.Input;

/** Filter on the broker. */
@Input("BsvhuBrokerWhere")
public class BsvhuBrokerWhere {
    public CompanyWhere company;
}
