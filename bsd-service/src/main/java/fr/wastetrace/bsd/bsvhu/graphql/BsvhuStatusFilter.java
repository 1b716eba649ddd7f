package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.bsvhu.model.BsvhuStatus;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A filter on the status. */
@Input("BsvhuStatusFilter")
public class BsvhuStatusFilter {
    public BsvhuStatus _eq;
    public List<@NonNull BsvhuStatus> _in;
}
