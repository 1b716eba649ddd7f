package fr.wastetrace.bsd.bsvhu.graphql;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;

/** Weight in tonnes. */
@Input("BsvhuWeightInput")
public class BsvhuWeightInput {
    public Double value;
    @Name("isEstimate") public Boolean isEstimate;
}
