package fr.wastetrace.bsd.bspaoh.graphql;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Input;

/** The reception. */
@Input("BspaohReceptionInput")
public class BspaohReceptionInput {
    public BspaohWasteAcceptationInput acceptation;
    public Instant date;
    public BspaohReceptionWasteDetailInput detail;
}
