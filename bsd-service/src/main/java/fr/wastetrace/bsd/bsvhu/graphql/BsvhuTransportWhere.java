package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.SignatureWhere;
import fr.wastetrace.bsd.common.StringNullableListFilter;
import org.eclipse.microprofile.graphql.Input;

/** Filters on a transporter's leg. */
@Input("BsvhuTransportWhere")
public class BsvhuTransportWhere {
    public StringNullableListFilter plates;
    public SignatureWhere signature;
}
