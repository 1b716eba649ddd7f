package fr.wastetrace.company.companies;

import fr.wastetrace.graphql.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("CompanyPrivateConnection")
public class CompanyPrivateConnection {
    @NonNull
    public int totalCount;
    @NonNull
    public PageInfo pageInfo;
    @NonNull
    public List<@NonNull Edge> edges;

    @Type("CompanyPrivateEdge")
    public static class Edge {
        @NonNull
        public String cursor;
        @NonNull
        public CompanyPrivate node;

        public Edge(CompanyPrivate node) {
            this.cursor = node.id;
            this.node = node;
        }
    }
}
