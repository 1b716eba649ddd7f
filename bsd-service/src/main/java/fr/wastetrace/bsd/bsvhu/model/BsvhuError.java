package fr.wastetrace.bsd.bsvhu.model;

import fr.wastetrace.bsd.common.Signature;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A field still missing for a coming signature. */
@Type("BsvhuError")
public class BsvhuError {
    @NonNull public String message;
    @NonNull public List<@NonNull String> path;
    @NonNull public SignatureTypeInput requiredFor;
}
