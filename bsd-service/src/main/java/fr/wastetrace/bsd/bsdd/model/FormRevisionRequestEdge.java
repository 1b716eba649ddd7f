package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A revision request in a page, with its cursor. */
@Type("FormRevisionRequestEdge")
public class FormRevisionRequestEdge {
    @NonNull
    public String cursor;
    @NonNull
    public FormRevisionRequest node;
}
