package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.DateFilter;
import org.eclipse.microprofile.graphql.Input;

/** Filter on the reception. */
@Input("BsvhuReceptionWhere")
public class BsvhuReceptionWhere {
    public DateFilter date;
}
