package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.Type;

/** Temporary-storer quantities a revision may change. */
@Type("FormRevisionRequestTemporaryStorer")
public class FormRevisionRequestTemporaryStorer {
    public Double quantityReceived;
    public Double quantityRefused;
}
