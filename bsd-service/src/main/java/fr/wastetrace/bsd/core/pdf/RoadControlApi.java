package fr.wastetrace.bsd.core.pdf;

import fr.wastetrace.subgraph.ApiException;
import fr.wastetrace.subgraph.Callers;
import fr.wastetrace.identity.CallerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.Comparator;

/**
 * {@code createPdfAccessToken}: the road-control link of a BSD of any type that offers one, picked by its id's prefix
 * (the longest one that matches; the BSDD's is empty).
 */
@GraphQLApi
public class RoadControlApi {
    @Inject
    SecurityIdentity identity;
    @Inject
    @Any
    Instance<RoadControlPolicy> policies;
    @Inject
    PdfLinks links;

    @Mutation("createPdfAccessToken")
    @Description("Renvoie l'adresse du PDF d'un bordereau pris en charge par un transporteur (BSDD au statut SENT ou "
            + "RESENT ; BSDA, BSDASRI, BSFF ou BSVHU au statut SENT), à montrer en QR code lors d'un contrôle routier : "
            + "elle s'ouvre sans connexion pendant 30 minutes.")
    public @NonNull String createPdfAccessToken(@Name("input") @NonNull CreatePdfAccessTokenInput input) {
        CallerIdentity caller = Callers.require(identity);
        String bsdId = input.bsdId == null ? "" : input.bsdId.trim();
        if (bsdId.isEmpty()) {
            throw new ApiException.BadUserInput("bsdId : indiquez l'identifiant du bordereau.");
        }
        RoadControlPolicy policy = policies.stream().filter(p -> bsdId.startsWith(p.idPrefix()))
                .max(Comparator.comparingInt(p -> p.idPrefix().length()))
                .orElseThrow(() -> new ApiException.BadUserInput("bsdId : « " + bsdId + " » n'est pas un bordereau "
                        + "qui offre un accès pour les contrôles routiers."));
        policy.checkCanGrant(caller, bsdId);
        return links.roadControlLink(policy.bsdType(), bsdId, caller);
    }
}
