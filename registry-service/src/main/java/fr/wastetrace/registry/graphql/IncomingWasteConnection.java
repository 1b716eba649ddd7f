package fr.wastetrace.registry.graphql;

import fr.wastetrace.graphql.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("IncomingWasteConnection")
public class IncomingWasteConnection {
    public @NonNull int totalCount;
    public @NonNull PageInfo pageInfo;
    public @NonNull List<@NonNull IncomingWasteEdge> edges;

    public IncomingWasteConnection(int totalCount, PageInfo pageInfo, List<IncomingWasteEdge> edges) {
        this.totalCount = totalCount;
        this.pageInfo = pageInfo;
        this.edges = edges;
    }
}
