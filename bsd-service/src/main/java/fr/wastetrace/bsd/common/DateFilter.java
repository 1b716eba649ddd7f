package fr.wastetrace.bsd.common;

import org.eclipse.microprofile.graphql.Input;

import java.time.Instant;

/** A filter on a date: equal to, after, before (bounds included or not). */
@Input("DateFilter")
public class DateFilter {
    public Instant _eq;
    public Instant _gt;
    public Instant _gte;
    public Instant _lt;
    public Instant _lte;
}
