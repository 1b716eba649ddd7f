package fr.wastetrace.bsd.bsvhu.graphql;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** The eco-organisme. */
@Input("BsvhuEcoOrganismeInput")
public class BsvhuEcoOrganismeInput {
    @NonNull public String name;
    @NonNull public String siret;
}
