package fr.wastetrace.bsd.bsvhu.model;

import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.Type;

/** Where the vehicles go after the operation. */
@Type("BsvhuNextDestination")
public class BsvhuNextDestination {
    public FormCompany company;
}
