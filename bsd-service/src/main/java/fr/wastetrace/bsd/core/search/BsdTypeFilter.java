package fr.wastetrace.bsd.core.search;

import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A filter on the BSD type (the same input as the registers' one). */
@Input("BsdTypeFilter")
public class BsdTypeFilter {
    public BsdType _eq;
    public List<@NonNull BsdType> _in;
}
