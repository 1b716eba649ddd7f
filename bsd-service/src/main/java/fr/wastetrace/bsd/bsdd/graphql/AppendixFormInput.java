package fr.wastetrace.bsd.bsdd.graphql;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Input;

/** A reference to a BSDD. */
@Input("AppendixFormInput")
public class AppendixFormInput {
    @Id
    @NonNull
    public String id;
}
