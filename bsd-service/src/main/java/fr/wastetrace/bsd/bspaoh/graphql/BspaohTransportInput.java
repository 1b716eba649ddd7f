package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.graphql.TransportMode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** The transport. */
@Input("BspaohTransportInput")
public class BspaohTransportInput {
    public TransportMode mode;
    public List<@NonNull String> plates;
    public Instant takenOverAt;
}
