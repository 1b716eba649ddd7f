package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.CompanyWhere;
import org.eclipse.microprofile.graphql.Input;

/** Filters on the emitter. */
@Input("BsvhuEmitterWhere")
public class BsvhuEmitterWhere {
    public CompanyWhere company;
    public BsvhuEmissionWhere emission;
}
