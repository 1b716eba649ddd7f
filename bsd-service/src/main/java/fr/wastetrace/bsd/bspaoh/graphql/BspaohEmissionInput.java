package fr.wastetrace.bsd.bspaoh.graphql;

import org.eclipse.microprofile.graphql.Input;

/** The producer's declaration. */
@Input("BspaohEmissionInput")
public class BspaohEmissionInput {
    public BspaohWasteDetailInput detail;
}
