package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.common.CompanyWhere;
import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the producer. */
@Input("BspaohEmitterWhere")
public class BspaohEmitterWhere {
    public CompanyWhere company;
    public StringFilter customInfo;
    public BspaohEmissionWhere emission;
}
