package fr.wastetrace.bsd.bsvhu.graphql;

import org.eclipse.microprofile.graphql.Input;

/** The emitter's company, whose address may be given in parts. */
@Input("BsvhuCompanyInput")
public class BsvhuCompanyInput {
    public String siret;
    public String vatNumber;
    public String name;
    public String address;
    public String street;
    public String city;
    public String postalCode;
    public String contact;
    public String mail;
    public String phone;
    public String country;
    public String omiNumber;
    public String extraEuropeanId;
}
