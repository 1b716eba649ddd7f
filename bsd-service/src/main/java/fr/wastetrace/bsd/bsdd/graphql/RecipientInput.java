package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.common.CompanyInput;
import org.eclipse.microprofile.graphql.Input;

/** Frame 2. */
@Input("RecipientInput")
public class RecipientInput {
    public String cap;
    public String processingOperation;
    public CompanyInput company;
    public Boolean isTempStorage;
}
