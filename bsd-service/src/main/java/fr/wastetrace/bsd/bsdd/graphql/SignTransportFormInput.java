package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.graphql.TransportMode;
import org.eclipse.microprofile.graphql.NonNull;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Input;

/** Transport signature (frame 8) of the next transporter. */
@Input("SignTransportFormInput")
public class SignTransportFormInput {
    @NonNull
    public Instant takenOverAt;
    @NonNull
    public String takenOverBy;
    public String transporterNumberPlate;
    public TransportMode transporterTransportMode;
    public String transporterCompanyContact;
    public String transporterCompanyMail;
    public String transporterCompanyPhone;
}
