package fr.wastetrace.bsd.core.search;

import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on a company of any BSD. */
@Input("BsdCompanyWhere")
public class BsdCompanyWhere {
    public TextFilter address;
    public StringFilter contact;
    public StringFilter mail;
    public TextFilter name;
    public StringFilter phone;
    public StringFilter siret;
    public StringFilter vatNumber;
}
