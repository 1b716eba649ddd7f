package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.graphql.TransportMode;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** Frame 8: one transporter of a BSDD, with its own transport signature. */
@Type("Transporter")
public class Transporter {
    @Id
    @NonNull
    public String id;
    public FormCompany company;
    @Name("isExemptedOfReceipt")
    public Boolean isExemptedOfReceipt;
    public String receipt;
    public String department;
    public Instant validityLimit;
    public String numberPlate;
    public String customInfo;
    public TransportMode mode;
    public Instant takenOverAt;
    public String takenOverBy;
}
