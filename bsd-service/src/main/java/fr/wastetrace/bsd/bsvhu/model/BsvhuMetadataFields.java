package fr.wastetrace.bsd.bsvhu.model;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The fields sealed by the signatures made so far, as paths. */
@Type("BsvhuMetadataFields")
public class BsvhuMetadataFields {
    @NonNull public List<@NonNull List<@NonNull String>> sealed;
}
