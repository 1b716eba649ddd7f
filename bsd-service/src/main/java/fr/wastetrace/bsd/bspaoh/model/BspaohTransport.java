package fr.wastetrace.bsd.bspaoh.model;

import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.graphql.TransportMode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The transport: mode, plates, pick-up date and signature. */
@Type("BspaohTransport")
public class BspaohTransport {
    public TransportMode mode;
    public List<@NonNull String> plates;
    public Signature signature;
    public Instant takenOverAt;
}
