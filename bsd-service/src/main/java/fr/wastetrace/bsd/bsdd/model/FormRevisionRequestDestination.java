package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.Type;

/** Final-destination fields a revision may change. */
@Type("FormRevisionRequestDestination")
public class FormRevisionRequestDestination {
    public String cap;
    public String processingOperation;
}
