package fr.wastetrace.bsd.core.search;

import fr.wastetrace.bsd.common.DateFilter;
import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the operation. */
@Input("BsdOperationWhere")
public class BsdOperationWhere {
    public StringFilter code;
    public DateFilter date;
    public BsdNextDestinationWhere nextDestination;
}
