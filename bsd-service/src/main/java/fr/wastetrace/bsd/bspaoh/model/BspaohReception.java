package fr.wastetrace.bsd.bspaoh.model;

import fr.wastetrace.bsd.common.Signature;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Type;

/** The reception at the crematorium. */
@Type("BspaohReception")
public class BspaohReception {
    public BspaohWasteAcceptation acceptation;
    public Instant date;
    public BspaohReceptionWasteDetail detail;
    public Signature signature;
}
