package fr.wastetrace.bsd.bsvhu.model;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** What is missing for the coming signatures and what the signatures sealed. */
@Type("BsvhuMetadata")
public class BsvhuMetadata {
    @NonNull public List<@NonNull BsvhuError> errors;
    @NonNull public BsvhuMetadataFields fields;
}
