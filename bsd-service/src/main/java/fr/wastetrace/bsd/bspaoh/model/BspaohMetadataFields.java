package fr.wastetrace.bsd.bspaoh.model;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The fields the signatures made so far sealed. */
@Type("BspaohMetadataFields")
public class BspaohMetadataFields {
    public @NonNull List<@NonNull List<@NonNull String>> sealed;
}
