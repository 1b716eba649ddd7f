package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("BsdTypeFilter")
public class BsdTypeFilter {
    public BsdType _eq;
    public List<@NonNull BsdType> _in;
}
