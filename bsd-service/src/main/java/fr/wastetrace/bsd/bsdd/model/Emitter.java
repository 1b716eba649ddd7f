package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.WorkSite;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Type;

/** Frame 1: the emitter of the waste. */
@Type("Emitter")
public class Emitter {
    public EmitterType type;
    public WorkSite workSite;
    @Deprecated
    public String pickupSite;
    public FormCompany company;
    @Name("isPrivateIndividual")
    public Boolean isPrivateIndividual;
    @Name("isForeignShip")
    public Boolean isForeignShip;
}
