package fr.wastetrace.bsd.bsvhu.model;

import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.graphql.TransportMode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A transporter's leg and its signature. */
@Type("BsvhuTransport")
public class BsvhuTransport {
    public Instant takenOverAt;
    public Signature signature;
    public TransportMode mode;
    public List<@NonNull String> plates;
}
