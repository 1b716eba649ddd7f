package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.bspaoh.model.BspaohSignatureType;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A signature (there is no signature code on a BSPAOH). */
@Input("BspaohSignatureInput")
public class BspaohSignatureInput {
    public @NonNull String author;
    public Instant date;
    public @NonNull BspaohSignatureType type;
}
