package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("IdFilter")
public class IdFilter {
    @Id
    public String _eq;
    @Id
    public List<@NonNull String> _in;
}
