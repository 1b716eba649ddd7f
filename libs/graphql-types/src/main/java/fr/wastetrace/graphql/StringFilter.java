package fr.wastetrace.graphql;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** A filter on a text value: equal to, one of, or containing. */
@Input("StringFilter")
public class StringFilter {
    public String _eq;
    public List<@NonNull String> _in;
    public String _contains;
}
