package fr.wastetrace.bsd.bsdd.revision.graphql;

import org.eclipse.microprofile.graphql.Input;

/** Temporary-storer quantities a revision may change. */
@Input("FormRevisionRequestTemporaryStorerInput")
public class FormRevisionRequestTemporaryStorerInput {
    public Double quantityReceived;
    public Double quantityRefused;
}
