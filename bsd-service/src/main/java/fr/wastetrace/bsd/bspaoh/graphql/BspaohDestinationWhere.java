package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.common.CompanyWhere;
import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the crematorium. */
@Input("BspaohDestinationWhere")
public class BspaohDestinationWhere {
    public CompanyWhere company;
    public StringFilter customInfo;
    public BspaohOperationWhere operation;
    public BspaohReceptionWhere reception;
}
