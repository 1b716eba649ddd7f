package fr.wastetrace.bsd.bsvhu.graphql;

import org.eclipse.microprofile.graphql.Input;

/** The emitter. */
@Input("BsvhuEmitterInput")
public class BsvhuEmitterInput {
    public String agrementNumber;
    public BsvhuCompanyInput company;
    public Boolean irregularSituation;
    public Boolean noSiret;
}
