package fr.wastetrace.bsd.common;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** A filter on an id: equal to, or one of. */
@Input("IdFilter")
public class IdFilter {
    @Id
    public String _eq;
    @Id
    public List<@NonNull String> _in;
}
