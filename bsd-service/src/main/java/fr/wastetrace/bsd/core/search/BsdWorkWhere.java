package fr.wastetrace.bsd.core.search;

import fr.wastetrace.bsd.common.DateFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the work. */
@Input("BsdWorkWhere")
public class BsdWorkWhere {
    public DateFilter date;
}
