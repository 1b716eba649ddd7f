package fr.wastetrace.company.companies;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PageInfo")
public class PageInfo {
    public String startCursor;
    public String endCursor;
    @NonNull
    public boolean hasNextPage;
    @NonNull
    public boolean hasPreviousPage;
}
