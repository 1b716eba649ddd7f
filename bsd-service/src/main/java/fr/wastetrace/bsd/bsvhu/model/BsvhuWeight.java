package fr.wastetrace.bsd.bsvhu.model;

import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Type;

/** Weight in tonnes. */
@Type("BsvhuWeight")
public class BsvhuWeight {
    public Double value;
    @Name("isEstimate") public Boolean isEstimate;
}
