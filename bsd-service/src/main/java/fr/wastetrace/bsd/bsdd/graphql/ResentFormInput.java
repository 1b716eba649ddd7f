package fr.wastetrace.bsd.bsdd.graphql;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Instant;

/** Deprecated markAsResent: frames 14 to 19 and the temporary storer's signature at once. */
@Input("ResentFormInput")
public class ResentFormInput {
    public DestinationInput destination;
    public WasteDetailsRepackagingInput wasteDetails;
    public TransporterInput transporter;
    @NonNull
    public String signedBy;
    @NonNull
    public Instant signedAt;
}
