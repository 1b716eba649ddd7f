package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.Type;

/** Frame 12: where the waste goes after a grouping operation. */
@Type("NextDestination")
public class NextDestination {
    public String processingOperation;
    public String notificationNumber;
    public FormCompany company;
}
