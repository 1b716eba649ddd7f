package fr.wastetrace.bsd.bsdd.revision.graphql;

import org.eclipse.microprofile.graphql.Input;

/** Destination fields a revision may change. */
@Input("FormRevisionRequestRecipientInput")
public class FormRevisionRequestRecipientInput {
    public String cap;
}
