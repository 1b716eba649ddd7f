package fr.wastetrace.bsd.bsdd.graphql;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Instant;

/** Paper import: when and by whom the waste was handed over (emission and transport of the paper form). */
@Input("SignatureFormInput")
public class SignatureFormInput {
    @NonNull
    public Instant sentAt;
    @NonNull
    public String sentBy;
}
