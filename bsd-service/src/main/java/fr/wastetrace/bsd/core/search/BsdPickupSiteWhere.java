package fr.wastetrace.bsd.core.search;

import org.eclipse.microprofile.graphql.Input;

/** A filter on the pick-up site. */
@Input("BsdPickupSiteWhere")
public class BsdPickupSiteWhere {
    public TextFilter address;
    public TextFilter name;
}
