package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PageInfo")
public class PageInfo {
    public String startCursor;
    public String endCursor;
    public @NonNull boolean hasNextPage;
    public @NonNull boolean hasPreviousPage;

    public PageInfo(String startCursor, String endCursor, boolean hasNextPage, boolean hasPreviousPage) {
        this.startCursor = startCursor;
        this.endCursor = endCursor;
        this.hasNextPage = hasNextPage;
        this.hasPreviousPage = hasPreviousPage;
    }
}
