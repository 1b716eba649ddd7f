package fr.wastetrace.bsd.common;

import org.eclipse.microprofile.graphql.Input;

/** A pickup site written by a client (the contract's {@code PickupSiteInput}). */
@Input("PickupSiteInput")
public class PickupSiteInput {
    public String name;
    public String address;
    public String city;
    public String postalCode;
    public String infos;
}
