package fr.wastetrace.bsd.common;

import org.eclipse.microprofile.graphql.Type;

/** Where the waste is collected when it is not the emitter's address (the contract's {@code PickupSite}). */
@Type("PickupSite")
public class PickupSite {
    public String name;
    public String address;
    public String city;
    public String postalCode;
    public String infos;
}
