package fr.wastetrace.registry.graphql;

import fr.wastetrace.graphql.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("AllWasteConnection")
public class AllWasteConnection {
    public @NonNull int totalCount;
    public @NonNull PageInfo pageInfo;
    public @NonNull List<@NonNull AllWasteEdge> edges;

    public AllWasteConnection(int totalCount, PageInfo pageInfo, List<AllWasteEdge> edges) {
        this.totalCount = totalCount;
        this.pageInfo = pageInfo;
        this.edges = edges;
    }
}
