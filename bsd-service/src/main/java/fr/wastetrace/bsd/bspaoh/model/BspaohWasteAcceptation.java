package fr.wastetrace.bsd.bspaoh.model;

import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.eclipse.microprofile.graphql.Type;

/** Whether the waste is accepted, refused or partially refused, and why. */
@Type("BspaohWasteAcceptation")
public class BspaohWasteAcceptation {
    public String refusalReason;
    public WasteAcceptationStatus status;
}
