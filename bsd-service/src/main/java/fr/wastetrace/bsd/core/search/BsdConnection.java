package fr.wastetrace.bsd.core.search;

import fr.wastetrace.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A page of a search across every BSD type. */
@Type("BsdConnection")
public class BsdConnection {
    public @NonNull List<@NonNull BsdEdge> edges;
    public @NonNull PageInfo pageInfo;
    public @NonNull int totalCount;
}
