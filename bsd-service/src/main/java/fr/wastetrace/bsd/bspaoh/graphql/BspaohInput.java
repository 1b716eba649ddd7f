package fr.wastetrace.bsd.bspaoh.graphql;

import org.eclipse.microprofile.graphql.Input;

/** A BSPAOH written by a client: on creation the BSPAOH, on update only the fields given. */
@Input("BspaohInput")
public class BspaohInput {
    public BspaohEmitterInput emitter;
    public BspaohWasteInput waste;
    public BspaohTransporterInput transporter;
    public BspaohDestinationInput destination;
}
