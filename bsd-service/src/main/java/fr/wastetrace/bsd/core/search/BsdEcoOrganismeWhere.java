package fr.wastetrace.bsd.core.search;

import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the eco-organisme. */
@Input("BsdEcoOrganismeWhere")
public class BsdEcoOrganismeWhere {
    public TextFilter name;
    public StringFilter siret;
}
