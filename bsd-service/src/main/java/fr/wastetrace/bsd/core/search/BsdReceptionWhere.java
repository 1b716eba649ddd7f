package fr.wastetrace.bsd.core.search;

import fr.wastetrace.bsd.common.DateFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the reception. */
@Input("BsdReceptionWhere")
public class BsdReceptionWhere {
    public DateFilter date;
}
