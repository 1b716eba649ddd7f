package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.graphql.TransportMode;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** Deprecated view of transporters 2 to 5. */
@Type("TransportSegment")
public class TransportSegment {
    public @Id @NonNull String id;
    public String previousTransporterCompanySiret;
    public Transporter transporter;
    public TransportMode mode;
    public Instant takenOverAt;
    public String takenOverBy;
    public Boolean readyToTakeOver;
    public Integer segmentNumber;
}
