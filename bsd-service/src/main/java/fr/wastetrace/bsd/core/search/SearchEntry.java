package fr.wastetrace.bsd.core.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One BSD as the search across types keeps it (a row of {@code bsd_search}): what {@code BsdWhere} filters on, its tabs,
 * and the companies that see it.
 *
 * @param orgIds      every company that may list it (for a draft, its creator's companies on it)
 * @param searchText  what the {@code clue} and the {@code TextFilter}s look into (ids, names, addresses, waste)
 */
public record SearchEntry(String id, BsdType type, BsdSubType subType, String readableId, String customId, String status,
                          boolean isDraft, Instant createdAt, Instant updatedAt, String wasteCode,
                          String wasteDescription, Party emitter, Party destination, List<Party> transporters,
                          List<String> transporterPlates, Set<String> orgIds, Map<BsdTab, Set<String>> tabs,
                          String searchText) {

    /** A company on the BSD. */
    public record Party(String orgId, String name) {
    }
}
