package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.common.SignatureWhere;
import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the cremation. */
@Input("BspaohOperationWhere")
public class BspaohOperationWhere {
    public StringFilter code;
    public SignatureWhere signature;
}
