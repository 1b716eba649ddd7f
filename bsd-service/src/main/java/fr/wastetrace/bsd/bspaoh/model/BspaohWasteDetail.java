package fr.wastetrace.bsd.bspaoh.model;

import org.eclipse.microprofile.graphql.Type;

/** Quantity (count) and weight declared by the producer. */
@Type("BspaohWasteDetail")
public class BspaohWasteDetail {
    public Integer quantity;
    public BspaohWasteWeight weight;
}
