package fr.wastetrace.bsd.bsvhu.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The eco-organisme in charge of the vehicles, if any. */
@Type("BsvhuEcoOrganisme")
public class BsvhuEcoOrganisme {
    @NonNull public String name;
    @NonNull public String siret;
}
