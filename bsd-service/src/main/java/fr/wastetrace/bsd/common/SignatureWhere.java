package fr.wastetrace.bsd.common;

import org.eclipse.microprofile.graphql.Input;

/** A filter on a signature, by its date. */
@Input("SignatureWhere")
public class SignatureWhere {
    public DateFilter date;
}
