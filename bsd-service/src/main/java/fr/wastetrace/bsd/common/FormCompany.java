package fr.wastetrace.bsd.common;

import org.eclipse.microprofile.graphql.Type;

/** A company as written on a BSD (the contract's {@code FormCompany}); {@code orgId} is its SIRET or VAT number. */
@Type("FormCompany")
public class FormCompany {
    public String name;
    public String orgId;
    public String siret;
    public String address;
    public String country;
    public String contact;
    public String phone;
    public String mail;
    public String vatNumber;
    public String omiNumber;
    public String extraEuropeanId;

    /** The identifier the company is known by on the platform: SIRET first, else VAT number. */
    public String identifier() {
        if (siret != null && !siret.isBlank()) {
            return siret;
        }
        return vatNumber != null && !vatNumber.isBlank() ? vatNumber : null;
    }
}
