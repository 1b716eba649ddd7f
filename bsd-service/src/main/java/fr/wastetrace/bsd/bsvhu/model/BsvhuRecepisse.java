package fr.wastetrace.bsd.bsvhu.model;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Type;

/** A receipt (transporter, trader, broker). */
@Type("BsvhuRecepisse")
public class BsvhuRecepisse {
    public String number;
    public String department;
    public Instant validityLimit;
    @Name("isExempted") public Boolean isExempted;
}
