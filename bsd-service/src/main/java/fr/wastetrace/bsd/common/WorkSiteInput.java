package fr.wastetrace.bsd.common;

import org.eclipse.microprofile.graphql.Input;

@Input("WorkSiteInput")
public class WorkSiteInput {
    public String name;
    public String address;
    public String city;
    public String postalCode;
    public String infos;
}
