package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.SignatureWhere;
import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Input;

/** Filters on the operation. */
@Input("BsvhuOperationWhere")
public class BsvhuOperationWhere {
    public StringFilter code;
    public SignatureWhere signature;
}
