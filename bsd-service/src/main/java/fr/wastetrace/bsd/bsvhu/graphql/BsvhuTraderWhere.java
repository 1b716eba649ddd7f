package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.CompanyWhere;
import org.eclipse.microprofile.graphql.Input;

/** Filter on the trader. */
@Input("BsvhuTraderWhere")
public class BsvhuTraderWhere {
    public CompanyWhere company;
}
