package fr.wastetrace.bsd.bspaoh.graphql;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A weight at reception, in kilograms. */
@Input("BspaohReceptionWasteWeightInput")
public class BspaohReceptionWasteWeightInput {
    public @NonNull Double value;
}
