package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.graphql.TransportMode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A transporter's leg. */
@Input("BsvhuTransportInput")
public class BsvhuTransportInput {
    public Instant takenOverAt;
    public TransportMode mode;
    public List<@NonNull String> plates;
}
