package fr.wastetrace.bsd.bspaoh.model;

import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A weight in kilograms, estimated or not. */
@Type("BspaohWasteWeight")
public class BspaohWasteWeight {
    @Name("isEstimate")
    public @NonNull Boolean isEstimate;
    public @NonNull Double value;
}
