package fr.wastetrace.bsd.core.action;

import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** {@code wastetraceBsdsAwaitingMySignature}: what waits for the caller's signature, type by type. */
@GraphQLApi
public class AllowedActionsApi {
    @Inject
    SecurityIdentity identity;
    @Inject
    AllowedActionsService actions;

    @Query("wastetraceBsdsAwaitingMySignature")
    @Description("Extension wastetrace : renvoie les bordereaux du type demandé dont au moins une signature est "
            + "permise maintenant à l'un de vos établissements (voir wastetraceAllowedActions), par pages de first "
            + "(50 par défaut, 100 au plus) dans l'ordre des identifiants ; after : le endCursor de la page "
            + "précédente.")
    public @NonNull WastetraceAwaitingPage wastetraceBsdsAwaitingMySignature(
            @Name("bsdType") @NonNull BsdType bsdType, @Name("first") Integer first, @Name("after") @Id String after) {
        return actions.awaitingSignature(Callers.require(identity), bsdType, first, after);
    }
}
