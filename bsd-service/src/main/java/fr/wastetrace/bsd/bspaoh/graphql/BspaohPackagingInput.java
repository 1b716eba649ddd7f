package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.bspaoh.model.BspaohConsistence;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackagingType;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** One packaging (its id is given by the server). */
@Input("BspaohPackagingInput")
public class BspaohPackagingInput {
    public @NonNull BspaohConsistence consistence;
    public @NonNull String containerNumber;
    public List<@NonNull String> identificationCodes;
    public @NonNull Integer quantity;
    public @NonNull BspaohPackagingType type;
    public Integer volume;
}
