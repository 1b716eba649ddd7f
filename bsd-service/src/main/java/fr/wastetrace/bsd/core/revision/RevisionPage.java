package fr.wastetrace.bsd.core.revision;

import fr.wastetrace.graphql.PageInfo;
import fr.wastetrace.bsd.common.RevisionRequestStatus;

import java.util.List;

/**
 * One page of a company's revision requests of a type (the {@code xxxRevisionRequests} queries): the requests, newest
 * first, after the cursor {@code after}, their total count and the {@code PageInfo}. A type maps the requests to its
 * GraphQL shape.
 */
public record RevisionPage(List<RevisionRequest> requests, int totalCount, PageInfo pageInfo) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static RevisionPage of(RevisionRequests revisions, String bsdType, String orgId, String bsdId,
                                  RevisionRequestStatus status, String after, Integer first) {
        int size = first == null ? DEFAULT_SIZE : Math.max(1, Math.min(first, MAX_SIZE));
        List<RevisionRequest> rows = revisions.list(bsdType, orgId, bsdId, status, after, size + 1);
        List<RevisionRequest> page = rows.subList(0, Math.min(size, rows.size()));
        PageInfo info = new PageInfo();
        info.hasNextPage = rows.size() > size;
        info.hasPreviousPage = after != null;
        info.startCursor = page.isEmpty() ? null : page.get(0).id();
        info.endCursor = page.isEmpty() ? null : page.get(page.size() - 1).id();
        return new RevisionPage(List.copyOf(page), revisions.count(bsdType, orgId, bsdId, status), info);
    }
}
