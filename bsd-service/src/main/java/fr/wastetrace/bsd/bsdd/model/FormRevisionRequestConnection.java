package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.graphql.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.ArrayList;
import java.util.List;

/** A page of revision requests. */
@Type("FormRevisionRequestConnection")
public class FormRevisionRequestConnection {
    @NonNull
    public int totalCount;
    @NonNull
    public PageInfo pageInfo = new PageInfo();
    @NonNull
    public List<@NonNull FormRevisionRequestEdge> edges = new ArrayList<>();
}
