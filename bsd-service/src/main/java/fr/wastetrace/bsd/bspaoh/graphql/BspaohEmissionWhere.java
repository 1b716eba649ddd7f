package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.common.SignatureWhere;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the emission. */
@Input("BspaohEmissionWhere")
public class BspaohEmissionWhere {
    public SignatureWhere signature;
}
