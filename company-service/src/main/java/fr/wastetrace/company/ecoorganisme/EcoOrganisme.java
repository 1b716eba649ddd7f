package fr.wastetrace.company.ecoorganisme;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** An eco-organisme of the reference list, as the contract's {@code EcoOrganisme} type. */
@Type("EcoOrganisme")
public class EcoOrganisme {
    @Id
    @NonNull
    public String id;
    @NonNull
    public String name;
    @NonNull
    public String siret;
    @NonNull
    public String address;
    public Boolean handleBsdd;
    public Boolean handleBsda;
    public Boolean handleBsdasri;
    public Boolean handleBsvhu;
}
