package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.graphql.WasteAcceptationStatus;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** The acceptation, as a whole and per packaging. */
@Input("BspaohWasteAcceptationInput")
public class BspaohWasteAcceptationInput {
    public List<@NonNull BspaohPackagingAcceptationInput> packagings;
    public String refusalReason;
    public WasteAcceptationStatus status;
}
