package fr.wastetrace.bsd.bsvhu.model;

import fr.wastetrace.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A page of BSVHUs. */
@Type("BsvhuConnection")
public class BsvhuConnection {
    @NonNull public int totalCount;
    @NonNull public PageInfo pageInfo;
    @NonNull public List<@NonNull BsvhuEdge> edges;
}
