package fr.wastetrace.bsd.bspaoh.graphql;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A weight in kilograms. */
@Input("BspaohWasteWeightInput")
public class BspaohWasteWeightInput {
    public @NonNull Boolean isEstimate;
    public @NonNull Double value;
}
