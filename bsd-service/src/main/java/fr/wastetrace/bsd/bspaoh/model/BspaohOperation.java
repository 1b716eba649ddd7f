package fr.wastetrace.bsd.bspaoh.model;

import fr.wastetrace.bsd.common.Signature;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Type;

/** The cremation. */
@Type("BspaohOperation")
public class BspaohOperation {
    public String code;
    public Instant date;
    public Signature signature;
}
