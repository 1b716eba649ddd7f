package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Type;

/** Final destination after temporary storage (frame 14). */
@Type("Destination")
public class Destination {
    public String cap;
    public String processingOperation;
    public FormCompany company;
    public @Name("isFilledByEmitter") Boolean isFilledByEmitter;
}
