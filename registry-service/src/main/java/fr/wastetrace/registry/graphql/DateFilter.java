package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.Input;

import java.time.Instant;

@Input("DateFilter")
public class DateFilter {
    public Instant _gte;
    public Instant _gt;
    public Instant _lte;
    public Instant _lt;
    public Instant _eq;
}
