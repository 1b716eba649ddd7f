package fr.wastetrace.bsd.bsdd.revision.graphql;

import fr.wastetrace.bsd.common.RevisionRequestStatus;
import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Input;

/** Filters of formRevisionRequests. */
@Input("FormRevisionRequestWhere")
public class FormRevisionRequestWhere {
    public RevisionRequestStatus status;
    public StringFilter bsddId;
}
