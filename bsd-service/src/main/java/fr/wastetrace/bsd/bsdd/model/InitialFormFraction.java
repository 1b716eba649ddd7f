package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A grouped BSDD and the quantity allotted to the grouping BSDD. */
@Type("InitialFormFraction")
public class InitialFormFraction {
    public @NonNull InitialForm form;
    public @NonNull Double quantity;
}
