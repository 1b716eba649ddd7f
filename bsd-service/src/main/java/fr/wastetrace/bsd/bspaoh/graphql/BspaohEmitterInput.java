package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.common.CompanyInput;
import fr.wastetrace.bsd.common.PickupSiteInput;
import org.eclipse.microprofile.graphql.Input;

/** The producer. */
@Input("BspaohEmitterInput")
public class BspaohEmitterInput {
    public CompanyInput company;
    public String customInfo;
    public BspaohEmissionInput emission;
    public PickupSiteInput pickupSite;
}
