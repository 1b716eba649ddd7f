package fr.wastetrace.bsd.common;

import org.eclipse.microprofile.graphql.Input;

/** A company written by a client on a BSD (the contract's {@code CompanyInput}). */
@Input("CompanyInput")
public class CompanyInput {
    public String siret;
    public String vatNumber;
    public String name;
    public String address;
    public String contact;
    public String mail;
    public String phone;
    public String country;
    public String omiNumber;
    public String extraEuropeanId;
}
