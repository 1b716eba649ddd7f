package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.bspaoh.model.BspaohPackagingAcceptationStatus;
import org.eclipse.microprofile.graphql.Input;

/** The acceptation of one packaging, by its id. */
@Input("BspaohPackagingAcceptationInput")
public class BspaohPackagingAcceptationInput {
    public BspaohPackagingAcceptationStatus acceptation;
    public String id;
}
