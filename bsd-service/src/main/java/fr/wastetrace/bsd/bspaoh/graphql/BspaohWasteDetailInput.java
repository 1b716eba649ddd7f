package fr.wastetrace.bsd.bspaoh.graphql;

import org.eclipse.microprofile.graphql.Input;

/** Quantity and weight declared by the producer. */
@Input("BspaohWasteDetailInput")
public class BspaohWasteDetailInput {
    public Integer quantity;
    public BspaohWasteWeightInput weight;
}
