package fr.wastetrace.bsd.bspaoh.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One BSPAOH of a page. */
@Type("BspaohEdge")
public class BspaohEdge {
    public @NonNull String cursor;
    public @NonNull Bspaoh node;
}
