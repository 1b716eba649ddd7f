package fr.wastetrace.bsd.bsdd.graphql;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Input;

/** The eco-organisme in charge of the waste. */
@Input("EcoOrganismeInput")
public class EcoOrganismeInput {
    @NonNull
    public String name;
    @NonNull
    public String siret;
}
