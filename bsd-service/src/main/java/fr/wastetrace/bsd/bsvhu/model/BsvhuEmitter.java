package fr.wastetrace.bsd.bsvhu.model;

import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The emitter: the approved VHU centre (or an emitter in an irregular situation). */
@Type("BsvhuEmitter")
public class BsvhuEmitter {
    public String agrementNumber;
    public FormCompany company;
    @NonNull public boolean irregularSituation;
    @NonNull public boolean noSiret;
    @NonNull public boolean notOnTD;
    public BsvhuEmission emission;
}
