package fr.wastetrace.bsd.core.search;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One BSD of a search. */
@Type("BsdEdge")
public class BsdEdge {
    public @NonNull String cursor;
    public @NonNull Bsd node;
}
