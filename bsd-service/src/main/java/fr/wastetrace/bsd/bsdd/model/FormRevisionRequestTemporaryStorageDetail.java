package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.Type;

/** Temporary-storage fields a revision may change. */
@Type("FormRevisionRequestTemporaryStorageDetail")
public class FormRevisionRequestTemporaryStorageDetail {
    public FormRevisionRequestTemporaryStorer temporaryStorer;
    public FormRevisionRequestDestination destination;
}
