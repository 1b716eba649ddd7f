package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** Frame 7: a trader and its receipt, copied from its company profile. */
@Type("Trader")
public class Trader {
    public FormCompany company;
    public String receipt;
    public String department;
    public Instant validityLimit;
}
