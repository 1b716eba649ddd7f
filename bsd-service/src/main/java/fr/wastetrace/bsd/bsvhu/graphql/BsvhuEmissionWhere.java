package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.SignatureWhere;
import org.eclipse.microprofile.graphql.Input;

/** Filter on the emitter's signature. */
@Input("BsvhuEmissionWhere")
public class BsvhuEmissionWhere {
    public SignatureWhere signature;
}
