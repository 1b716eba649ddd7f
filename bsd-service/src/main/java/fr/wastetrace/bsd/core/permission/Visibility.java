package fr.wastetrace.bsd.core.permission;

import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.subgraph.ApiException;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sees a BSD, for every type of the core: a published BSD is seen by the companies on it; a draft only by the
 * creator's companies that are on it ({@code draft_access_org_ids}); a deleted BSD by nobody (the store never
 * returns it). The errors are the reference's: an unknown or deleted id is {@code BAD_USER_INPUT}, a BSD the caller
 * may not see is {@code FORBIDDEN}.
 */
public final class Visibility {
    public static final String FORBIDDEN = BsdAccess.FORBIDDEN;

    private Visibility() {
    }

    public static ApiException notFound(String id) {
        return BsdAccess.notFound(id);
    }

    /** The caller's companies through which it sees the BSD. */
    public static Set<String> visibleThrough(CallerCompanies caller, BsdRecord<?> record, Collection<String> contributors) {
        return readers(record, contributors).stream().filter(caller::isMemberOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The org ids through which a document is seen: its contributors; a draft's, the creator's companies on it. */
    public static Collection<String> readers(BsdRecord<?> record, Collection<String> contributors) {
        return record.isDraft ? record.draftAccessOrgIds : contributors;
    }

    public static boolean canRead(CallerCompanies caller, BsdRecord<?> record, Collection<String> contributors) {
        return canReadThrough(caller, readers(record, contributors));
    }

    public static void checkCanRead(CallerCompanies caller, BsdRecord<?> record, Collection<String> contributors) {
        checkCanReadThrough(caller, readers(record, contributors));
    }

    /** Whether the caller may read through one of {@code readers} (see BsdType#readers). */
    public static boolean canReadThrough(CallerCompanies caller, Collection<String> readers) {
        return caller.can(UserPermission.BSD_CAN_READ, readers.stream().filter(caller::isMemberOf).toList());
    }

    /** Refuses ({@code FORBIDDEN}) unless the caller may read through one of {@code readers}. */
    public static void checkCanReadThrough(CallerCompanies caller, Collection<String> readers) {
        if (!canReadThrough(caller, readers)) {
            throw BsdAccess.forbidden();
        }
    }

    /** The org ids a new draft is visible to: the creator's companies present on it. */
    public static Set<String> draftAccess(CallerCompanies creator, Collection<String> contributors) {
        return contributors.stream().filter(creator::isMemberOf).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The listing condition on a document table: the BSDs the caller may list, drafts included as above. */
    public static SqlFilter listableBy(CallerCompanies caller) {
        SqlFilter.TextArray readable = new SqlFilter.TextArray(caller.orgIdsWith(UserPermission.BSD_CAN_LIST));
        return SqlFilter.of("(not is_draft and org_ids && ?) or (is_draft and draft_access_org_ids && ?)", readable, readable);
    }
}
