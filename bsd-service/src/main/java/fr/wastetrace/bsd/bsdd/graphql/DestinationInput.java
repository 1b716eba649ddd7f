package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.common.CompanyInput;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Final destination after temporary storage (frame 14). */
@Input("DestinationInput")
public class DestinationInput {
    public CompanyInput company;
    public String cap;
    public String processingOperation;
    // Deprecated in the reference only by its description: no @Deprecated, so that introspection matches it.
    @Description("Conservé pour compatibilité avec les anciens clients.")
    public Boolean isFilledByEmitter;
}
