package fr.wastetrace.bsd.common;

import org.eclipse.microprofile.graphql.Type;

/** A pickup or work site, when it differs from the company's address. */
@Type("WorkSite")
public class WorkSite {
    public String name;
    public String address;
    public String city;
    public String postalCode;
    public String infos;
}
