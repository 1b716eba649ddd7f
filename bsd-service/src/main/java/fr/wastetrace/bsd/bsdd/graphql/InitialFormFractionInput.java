package fr.wastetrace.bsd.bsdd.graphql;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Input;

/** A BSDD grouped into another one, and the quantity allotted (all that remains when omitted). */
@Input("InitialFormFractionInput")
public class InitialFormFractionInput {
    @NonNull
    public AppendixFormInput form;
    public Double quantity;
}
