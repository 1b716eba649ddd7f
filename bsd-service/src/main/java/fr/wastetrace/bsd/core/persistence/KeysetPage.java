package fr.wastetrace.bsd.core.persistence;

import fr.wastetrace.bsd.common.PageInfo;
import fr.wastetrace.subgraph.ApiException;

import java.util.List;

/**
 * One page of a type's listing by creation order ({@code first}/{@code after} forward, {@code last}/{@code before}
 * backward), as the reference's connections count it: the records of the page, the total and the {@code PageInfo}.
 * New types use it; the BSVHU predates it.
 */
public record KeysetPage<D>(List<BsdRecord<D>> records, int totalCount, PageInfo pageInfo) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static <D> KeysetPage<D> of(DocumentStore store, DocumentTable<D> table, SqlFilter filter, String after,
                                       Integer first, String before, Integer last) {
        if (first != null && last != null) {
            throw new ApiException.BadUserInput("L'utilisation simultanée de `first` et `last` n'est pas supportée");
        }
        Integer asked = first != null ? first : last;
        if (asked != null && (asked < 1 || asked > MAX_SIZE)) {
            throw new ApiException.BadUserInput("Le paramètre `first` ou `last` doit être compris entre 1 et "
                    + MAX_SIZE);
        }
        boolean forward = first != null || last == null && before == null;
        int size = asked == null ? DEFAULT_SIZE : asked;
        List<BsdRecord<D>> rows = store.page(table, filter, forward ? after : before, forward, size + 1);
        boolean beyond = rows.size() > size;
        if (beyond) {
            rows = forward ? rows.subList(0, size) : rows.subList(1, rows.size());
        }
        PageInfo info = new PageInfo();
        if (!rows.isEmpty()) {
            info.startCursor = rows.get(0).id;
            info.endCursor = rows.get(rows.size() - 1).id;
        }
        info.hasNextPage = forward ? beyond : before != null && store.hasBeyond(table, filter, before, true);
        info.hasPreviousPage = forward ? after != null && store.hasBeyond(table, filter, after, false) : beyond;
        return new KeysetPage<>(rows, store.count(table, filter), info);
    }
}
