package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** Frame 7: a broker and its receipt, copied from its company profile. */
@Type("Broker")
public class Broker {
    public FormCompany company;
    public String receipt;
    public String department;
    public Instant validityLimit;
}
