package fr.wastetrace.bsd.bspaoh.model;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A field the next signature still needs. */
@Type("BspaohError")
public class BspaohError {
    public @NonNull String message;
    public @NonNull List<@NonNull String> path;
    public @NonNull BspaohSignatureType requiredFor;
}
