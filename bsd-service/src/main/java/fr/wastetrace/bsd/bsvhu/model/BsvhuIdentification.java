package fr.wastetrace.bsd.bsvhu.model;

import java.util.List;
import org.eclipse.microprofile.graphql.Type;

/** The vehicles' identification numbers. */
@Type("BsvhuIdentification")
public class BsvhuIdentification {
    public List<String> numbers;
    public BsvhuIdentificationType type;
}
