package fr.wastetrace.bsd.common;

import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on a company of a BSD, by SIRET or VAT number. */
@Input("CompanyWhere")
public class CompanyWhere {
    public StringFilter siret;
    public StringFilter vatNumber;
}
