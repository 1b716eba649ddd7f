package fr.wastetrace.bsd.core.search;

import fr.wastetrace.bsd.common.DateFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the acceptation. */
@Input("BsdAcceptationWhere")
public class BsdAcceptationWhere {
    public DateFilter date;
    public WasteAcceptationStatusFilter status;
}
