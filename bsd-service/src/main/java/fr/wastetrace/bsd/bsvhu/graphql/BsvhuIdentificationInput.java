package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.bsvhu.model.BsvhuIdentificationType;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** The vehicles' identification. */
@Input("BsvhuIdentificationInput")
public class BsvhuIdentificationInput {
    public List<@NonNull String> numbers;
    public BsvhuIdentificationType type;
}
