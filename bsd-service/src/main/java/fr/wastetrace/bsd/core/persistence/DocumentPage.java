package fr.wastetrace.bsd.core.persistence;

import fr.wastetrace.graphql.PageInfo;
import fr.wastetrace.subgraph.ApiException;

import java.util.List;

/**
 * One page of a type's listing query, cursor-paginated as the contract's connections ({@code first}/{@code after}
 * forward, {@code last}/{@code before} backward, newest first): the records, the total count and the page info. The
 * type maps the records to its edges.
 */
public record DocumentPage<D>(List<BsdRecord<D>> records, int totalCount, PageInfo pageInfo) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** The validated paging arguments: the direction, the page size and the cursor to start from. */
    public record Window(boolean forward, int size, String cursor) {
        public static Window of(String after, Integer first, String before, Integer last) {
            if (first != null && last != null) {
                throw new ApiException.BadUserInput("L'utilisation simultanée de `first` et `last` n'est pas supportée");
            }
            for (Integer n : new Integer[]{first, last}) {
                if (n != null && (n < 1 || n > MAX_SIZE)) {
                    throw new ApiException.BadUserInput("Le paramètre `first` ou `last` doit être compris entre 1 et "
                            + MAX_SIZE);
                }
            }
            boolean forward = last == null && before == null || first != null;
            int size = forward ? (first == null ? DEFAULT_SIZE : first) : (last == null ? DEFAULT_SIZE : last);
            return new Window(forward, size, forward ? after : before);
        }

        /** Keeps {@code size} of the {@code size + 1} rows fetched, the ones nearest the cursor. */
        public <T> List<T> trim(List<T> rows) {
            if (rows.size() <= size) {
                return rows;
            }
            return forward ? rows.subList(0, size) : rows.subList(1, rows.size());
        }
    }

    public static <D> DocumentPage<D> of(DocumentStore store, DocumentTable<D> table, SqlFilter filter, String after,
                                         Integer first, String before, Integer last) {
        Window w = Window.of(after, first, before, last);
        boolean forward = w.forward();
        List<BsdRecord<D>> fetched = store.page(table, filter, w.cursor(), forward, w.size() + 1);
        List<BsdRecord<D>> rows = w.trim(fetched);
        boolean more = rows.size() < fetched.size();
        PageInfo info = new PageInfo();
        info.startCursor = rows.isEmpty() ? null : rows.get(0).id;
        info.endCursor = rows.isEmpty() ? null : rows.get(rows.size() - 1).id;
        info.hasNextPage = forward ? more : before != null && store.hasBeyond(table, filter, before, true);
        info.hasPreviousPage = forward ? after != null && store.hasBeyond(table, filter, after, false) : more;
        return new DocumentPage<>(rows, store.count(table, filter), info);
    }
}
