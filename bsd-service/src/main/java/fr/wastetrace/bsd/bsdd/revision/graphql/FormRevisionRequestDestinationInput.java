package fr.wastetrace.bsd.bsdd.revision.graphql;

import org.eclipse.microprofile.graphql.Input;

/** Final-destination fields a revision may change. */
@Input("FormRevisionRequestDestinationInput")
public class FormRevisionRequestDestinationInput {
    public String cap;
    public String processingOperation;
}
