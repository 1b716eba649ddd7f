package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("StringFilter")
public class StringFilter {
    public String _eq;
    public List<@NonNull String> _in;
    public String _contains;
}
