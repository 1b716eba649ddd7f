package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.common.SignatureWhere;
import fr.wastetrace.bsd.common.StringNullableListFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the transport. */
@Input("BspaohTransportWhere")
public class BspaohTransportWhere {
    public StringNullableListFilter plates;
    public SignatureWhere signature;
}
