package fr.wastetrace.bsd.bspaoh.model;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** What the next signature needs and what is sealed. */
@Type("BspaohMetadata")
public class BspaohMetadata {
    public @NonNull List<@NonNull BspaohError> errors;
    public @NonNull BspaohMetadataFields fields;
}
