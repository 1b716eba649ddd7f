package fr.wastetrace.bsd.bspaoh.model;

import fr.wastetrace.bsd.common.Signature;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Type;

/** The transporter's hand-over at the crematorium (DELIVERY signature). */
@Type("BspaohHandedOverToDestination")
public class BspaohHandedOverToDestination {
    public Instant date;
    public Signature signature;
}
