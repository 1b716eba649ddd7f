package fr.wastetrace.bsd.bsvhu.model;

import fr.wastetrace.bsd.common.Signature;
import org.eclipse.microprofile.graphql.Type;

/** The emitter's signature. */
@Type("BsvhuEmission")
public class BsvhuEmission {
    public Signature signature;
}
