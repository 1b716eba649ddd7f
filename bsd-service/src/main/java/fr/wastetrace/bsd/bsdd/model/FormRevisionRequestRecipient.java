package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.Type;

/** Destination fields a revision may change. */
@Type("FormRevisionRequestRecipient")
public class FormRevisionRequestRecipient {
    public String cap;
}
