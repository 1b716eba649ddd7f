package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.bspaoh.model.BspaohStatus;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A filter on the status. */
@Input("BspaohStatusFilter")
public class BspaohStatusFilter {
    public BspaohStatus _eq;
    public List<@NonNull BspaohStatus> _in;
}
