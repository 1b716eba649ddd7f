package fr.wastetrace.bsd.bspaoh.model;

import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.PickupSite;
import org.eclipse.microprofile.graphql.Type;

/** The producer (healthcare facility). */
@Type("BspaohEmitter")
public class BspaohEmitter {
    public FormCompany company;
    public String customInfo;
    public BspaohEmission emission;
    public PickupSite pickupSite;
}
