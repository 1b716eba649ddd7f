package fr.wastetrace.bsd.bspaoh.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A weight at reception, in kilograms. */
@Type("BspaohReceptionWasteWeight")
public class BspaohReceptionWasteWeight {
    public @NonNull Double value;
}
