package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The eco-organisme in charge of the waste, which may sign the emission in place of the emitter. */
@Type("FormEcoOrganisme")
public class FormEcoOrganisme {
    @NonNull
    public String name;
    @NonNull
    public String siret;
}
