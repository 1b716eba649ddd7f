package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.graphql.TransportMode;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Deprecated multimodal transport: the next transporter and its mode. */
@Input("NextSegmentInfoInput")
public class NextSegmentInfoInput {
    public TransporterInput transporter;
    @NonNull
    public TransportMode mode;
}
