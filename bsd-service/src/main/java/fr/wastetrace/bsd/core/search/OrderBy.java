package fr.wastetrace.bsd.core.search;

import org.eclipse.microprofile.graphql.Input;

/** The order of a search: one field. */
@Input("OrderBy")
public class OrderBy {
    public OrderType destinationCompanyName;
    public OrderType emitterCompanyName;
    public OrderType readableId;
    public OrderType type;
    public OrderType wasteCode;
}
