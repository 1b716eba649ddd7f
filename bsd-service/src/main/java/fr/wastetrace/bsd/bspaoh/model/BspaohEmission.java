package fr.wastetrace.bsd.bspaoh.model;

import fr.wastetrace.bsd.common.Signature;
import org.eclipse.microprofile.graphql.Type;

/** The producer's declaration and signature. */
@Type("BspaohEmission")
public class BspaohEmission {
    public BspaohWasteDetail detail;
    public Signature signature;
}
