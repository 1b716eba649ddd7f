package fr.wastetrace.bsd.core.persistence;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One stored BSD: the base columns every type has and its document. The status is the name of a value of the
 * type's status enum. The document is the type's GraphQL object; the store writes the base columns into it
 * ({@code id}, {@code status}, {@code isDraft}, {@code createdAt}, {@code updatedAt}) so that it is always the BSD's
 * full state.
 */
public class BsdRecord<D> {
    public String id;
    public String status;
    public long version;
    public boolean isDraft;
    public boolean isDeleted;
    public String ownerSubject;
    public Instant createdAt;
    public Instant updatedAt;
    /** The creator's companies present on a draft: only they see it while it is a draft. */
    public Set<String> draftAccessOrgIds = new LinkedHashSet<>();
    public D data;
}
