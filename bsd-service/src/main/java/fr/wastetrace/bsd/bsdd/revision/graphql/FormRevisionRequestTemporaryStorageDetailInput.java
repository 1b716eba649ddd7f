package fr.wastetrace.bsd.bsdd.revision.graphql;

import org.eclipse.microprofile.graphql.Input;

/** Temporary-storage fields a revision may change. */
@Input("FormRevisionRequestTemporaryStorageDetailInput")
public class FormRevisionRequestTemporaryStorageDetailInput {
    public FormRevisionRequestTemporaryStorerInput temporaryStorer;
    public FormRevisionRequestDestinationInput destination;
}
