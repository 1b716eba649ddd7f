package fr.wastetrace.bsd.core.action;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** What the caller may do with a BSD now, computed from the type's table, steps and permission verbs. */
@Type("WastetraceAllowedActions")
@Description("Extension wastetrace : les actions que l'appelant peut faire maintenant sur le bordereau, et pourquoi "
        + "pas les autres. Une signature possible seulement avec le code de signature d'un autre établissement n'est "
        + "pas comptée comme permise.")
public class WastetraceAllowedActions {
    /** The description of the {@code wastetraceAllowedActions} field every BSD type has. */
    public static final String FIELD = "Extension wastetrace : ce que vous pouvez faire maintenant sur ce bordereau "
            + "(signatures, modification, suppression, duplication, demande de révision), et pourquoi pas le reste ; "
            + "calculé à partir du cycle de vie du type et des droits de vos établissements.";

    public @NonNull List<@NonNull WastetraceSignatureAction> signatures;
    public @NonNull WastetraceAction update;
    public @NonNull WastetraceAction delete;
    public @NonNull WastetraceAction duplicate;
    @Description("Demande de révision ; absent pour les types de bordereau sans révision (BSFF, BSVHU, BSPAOH).")
    public WastetraceAction revisionRequest;
}
