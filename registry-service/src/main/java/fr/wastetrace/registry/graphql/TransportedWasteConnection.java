package fr.wastetrace.registry.graphql;

import fr.wastetrace.graphql.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("TransportedWasteConnection")
public class TransportedWasteConnection {
    public @NonNull int totalCount;
    public @NonNull PageInfo pageInfo;
    public @NonNull List<@NonNull TransportedWasteEdge> edges;

    public TransportedWasteConnection(int totalCount, PageInfo pageInfo, List<TransportedWasteEdge> edges) {
        this.totalCount = totalCount;
        this.pageInfo = pageInfo;
        this.edges = edges;
    }
}
