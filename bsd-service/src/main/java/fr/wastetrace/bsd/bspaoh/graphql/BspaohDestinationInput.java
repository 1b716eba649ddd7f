package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.common.CompanyInput;
import org.eclipse.microprofile.graphql.Input;

/** The crematorium. */
@Input("BspaohDestinationInput")
public class BspaohDestinationInput {
    public String cap;
    public CompanyInput company;
    public String customInfo;
    public BspaohOperationInput operation;
    public BspaohReceptionInput reception;
}
