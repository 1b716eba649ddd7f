package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.common.CompanyInput;
import fr.wastetrace.bsd.common.WorkSiteInput;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Frame 1. */
@Input("EmitterInput")
public class EmitterInput {
    public EmitterType type;
    public WorkSiteInput workSite;
    // Deprecated in the reference only by its description: no @Deprecated, so that introspection matches it.
    @Description("Ancienne adresse de chantier, conservée pour compatibilité : utilisez workSite.")
    public String pickupSite;
    public CompanyInput company;
    public Boolean isPrivateIndividual;
    public Boolean isForeignShip;
}
