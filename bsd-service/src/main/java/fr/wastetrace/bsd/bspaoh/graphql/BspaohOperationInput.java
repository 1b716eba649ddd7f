package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.graphql.OperationMode;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Input;

/** The cremation (the mode is accepted for compatibility; a BSPAOH is always an elimination). */
@Input("BspaohOperationInput")
public class BspaohOperationInput {
    public String code;
    public Instant date;
    public OperationMode mode;
}
