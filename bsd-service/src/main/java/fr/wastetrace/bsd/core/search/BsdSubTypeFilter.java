package fr.wastetrace.bsd.core.search;

import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A filter on the sub-type. */
@Input("BsdSubTypeFilter")
public class BsdSubTypeFilter {
    public BsdSubType _eq;
    public List<@NonNull BsdSubType> _in;
}
