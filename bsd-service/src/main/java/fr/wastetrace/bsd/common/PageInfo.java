package fr.wastetrace.bsd.common;

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
}
