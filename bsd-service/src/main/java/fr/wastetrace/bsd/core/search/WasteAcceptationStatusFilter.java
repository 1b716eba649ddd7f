package fr.wastetrace.bsd.core.search;

import fr.wastetrace.graphql.WasteAcceptationStatus;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A filter on an acceptation status. */
@Input("WasteAcceptationStatusFilter")
public class WasteAcceptationStatusFilter {
    public WasteAcceptationStatus _eq;
    public List<@NonNull WasteAcceptationStatus> _in;
}
