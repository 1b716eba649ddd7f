package fr.wastetrace.registry.graphql;

import fr.wastetrace.graphql.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("ManagedWasteConnection")
public class ManagedWasteConnection {
    public @NonNull int totalCount;
    public @NonNull PageInfo pageInfo;
    public @NonNull List<@NonNull ManagedWasteEdge> edges;

    public ManagedWasteConnection(int totalCount, PageInfo pageInfo, List<ManagedWasteEdge> edges) {
        this.totalCount = totalCount;
        this.pageInfo = pageInfo;
        this.edges = edges;
    }
}
