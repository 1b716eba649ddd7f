package fr.wastetrace.bsd.bspaoh.model;

import fr.wastetrace.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A page of BSPAOH. */
@Type("BspaohConnection")
public class BspaohConnection {
    public @NonNull List<@NonNull BspaohEdge> edges;
    public @NonNull PageInfo pageInfo;
    public @NonNull int totalCount;
}
