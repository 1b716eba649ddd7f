package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.Input;

@Input("NumericFilter")
public class NumericFilter {
    public Double _gte;
    public Double _gt;
    public Double _lte;
    public Double _lt;
    public Double _eq;
}
