package fr.wastetrace.bsd.bspaoh.model;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Type;

/** The transporter's receipt, taken from its profile when it signs. */
@Type("BspaohRecepisse")
public class BspaohRecepisse {
    public String department;
    @Name("isExempted")
    public Boolean isExempted;
    public String number;
    public Instant validityLimit;
}
