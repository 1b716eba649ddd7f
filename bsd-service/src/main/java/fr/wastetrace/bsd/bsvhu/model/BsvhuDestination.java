package fr.wastetrace.bsd.bsvhu.model;

import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.Type;

/** The destination: a shredder or a dismantler. */
@Type("BsvhuDestination")
public class BsvhuDestination {
    public BsvhuDestinationType type;
    public String agrementNumber;
    public FormCompany company;
    public String plannedOperationCode;
    public BsvhuReception reception;
    public BsvhuOperation operation;
}
