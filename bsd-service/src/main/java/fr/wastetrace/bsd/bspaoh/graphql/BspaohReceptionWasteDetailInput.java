package fr.wastetrace.bsd.bspaoh.graphql;

import org.eclipse.microprofile.graphql.Input;

/** Quantity and weights at reception. */
@Input("BspaohReceptionWasteDetailInput")
public class BspaohReceptionWasteDetailInput {
    public Integer quantity;
    public BspaohReceptionWasteWeightInput receivedWeight;
    public BspaohReceptionWasteWeightInput refusedWeight;
}
