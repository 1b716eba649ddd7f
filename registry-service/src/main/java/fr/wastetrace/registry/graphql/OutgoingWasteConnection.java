package fr.wastetrace.registry.graphql;

import fr.wastetrace.graphql.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("OutgoingWasteConnection")
public class OutgoingWasteConnection {
    public @NonNull int totalCount;
    public @NonNull PageInfo pageInfo;
    public @NonNull List<@NonNull OutgoingWasteEdge> edges;

    public OutgoingWasteConnection(int totalCount, PageInfo pageInfo, List<OutgoingWasteEdge> edges) {
        this.totalCount = totalCount;
        this.pageInfo = pageInfo;
        this.edges = edges;
    }
}
