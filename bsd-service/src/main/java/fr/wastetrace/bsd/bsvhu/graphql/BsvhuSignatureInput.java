package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.bsvhu.model.SignatureTypeInput;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A signature: its step, its author, its date (now when not given) and, to sign for another company, that company's code. */
@Input("BsvhuSignatureInput")
public class BsvhuSignatureInput {
    @NonNull public SignatureTypeInput type;
    @NonNull public String author;
    public Instant date;
    public Integer securityCode;
}
