package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A grouping BSDD and the quantity of this BSDD allotted to it. */
@Type("FormFraction")
public class FormFraction {
    public @NonNull Form form;
    public @NonNull Double quantity;
}
