package fr.wastetrace.bsd.bsdd.graphql;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Instant;

/** Deprecated multimodal transport: a segment's transporter takes the waste over. */
@Input("TakeOverInput")
public class TakeOverInput {
    @NonNull
    public Instant takenOverAt;
    @NonNull
    public String takenOverBy;
    public String numberPlate;
}
