package fr.wastetrace.bsd.core.search;

import fr.wastetrace.bsd.common.DateFilter;
import fr.wastetrace.bsd.common.StringNullableListFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on a transport. */
@Input("BsdTransportWhere")
public class BsdTransportWhere {
    public StringNullableListFilter plates;
    public DateFilter takenOverAt;
}
