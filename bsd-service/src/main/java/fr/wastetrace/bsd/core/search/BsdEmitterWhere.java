package fr.wastetrace.bsd.core.search;

import org.eclipse.microprofile.graphql.Input;

/** A filter on the emitter. */
@Input("BsdEmitterWhere")
public class BsdEmitterWhere {
    public BsdCompanyWhere company;
    public TextFilter customInfo;
    public BsdEmissionWhere emission;
    public BsdPickupSiteWhere pickupSite;
}
