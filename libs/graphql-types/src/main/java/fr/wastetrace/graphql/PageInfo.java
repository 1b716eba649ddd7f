package fr.wastetrace.graphql;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Where a page of a Relay-style connection stands: its first and last cursors, and whether more pages exist. */
@Type("PageInfo")
public class PageInfo {
    public String startCursor;
    public String endCursor;
    @NonNull
    public boolean hasNextPage;
    @NonNull
    public boolean hasPreviousPage;

    public PageInfo() {
    }

    public PageInfo(String startCursor, String endCursor, boolean hasNextPage, boolean hasPreviousPage) {
        this.startCursor = startCursor;
        this.endCursor = endCursor;
        this.hasNextPage = hasNextPage;
        this.hasPreviousPage = hasPreviousPage;
    }
}
