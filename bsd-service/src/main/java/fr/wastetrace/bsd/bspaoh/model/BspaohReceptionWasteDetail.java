package fr.wastetrace.bsd.bspaoh.model;

import org.eclipse.microprofile.graphql.Type;

/** Quantity and weights at reception (accepted = received - refused). */
@Type("BspaohReceptionWasteDetail")
public class BspaohReceptionWasteDetail {
    public BspaohReceptionWasteWeight acceptedWeight;
    public Integer quantity;
    public BspaohReceptionWasteWeight receivedWeight;
    public BspaohReceptionWasteWeight refusedWeight;
}
