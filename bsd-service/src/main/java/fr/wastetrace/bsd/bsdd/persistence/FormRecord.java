package fr.wastetrace.bsd.bsdd.persistence;

import fr.wastetrace.bsd.bsdd.model.FormData;
import fr.wastetrace.bsd.bsdd.model.FormStatus;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A stored BSDD: bookkeeping columns and the document of what is written on it. */
public class FormRecord {
    public String id;
    public String readableId;
    public FormStatus status;
    public long version;
    public String ownerSubject;
    public boolean isDeleted;
    public Instant createdAt;
    public Instant updatedAt;
    /** Org ids of the creator's companies present on the BSDD while it is a draft. */
    public Set<String> draftAccessOrgIds = new LinkedHashSet<>();
    public FormData data = new FormData();
}
