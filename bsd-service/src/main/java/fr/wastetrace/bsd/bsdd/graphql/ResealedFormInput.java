package fr.wastetrace.bsd.bsdd.graphql;

import org.eclipse.microprofile.graphql.Input;

/** Frames 14 to 19 completed by the temporary storer: final destination, repackaging, onward transporter. */
@Input("ResealedFormInput")
public class ResealedFormInput {
    public DestinationInput destination;
    public WasteDetailsRepackagingInput wasteDetails;
    public TransporterInput transporter;
}
