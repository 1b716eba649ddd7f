package fr.wastetrace.bsd.core.search;

import fr.wastetrace.bsd.common.DateFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the emission. */
@Input("BsdEmissionWhere")
public class BsdEmissionWhere {
    public DateFilter date;
}
