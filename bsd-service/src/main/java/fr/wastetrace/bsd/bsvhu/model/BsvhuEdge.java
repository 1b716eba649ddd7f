package fr.wastetrace.bsd.bsvhu.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One BSVHU of a page. */
@Type("BsvhuEdge")
public class BsvhuEdge {
    @NonNull public String cursor;
    @NonNull public Bsvhu node;
}
