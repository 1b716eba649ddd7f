package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.bsdd.model.FormSubscription;
import fr.wastetrace.bsd.bsdd.subscription.BsddChangeFeed;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * The reference API's deprecated {@code forms} subscription, over WebSocket. The caller is the identity the gateway
 * signed on the upgrade request (from the {@code token} argument, which the gateway resolves and blanks): this
 * subgraph never sees the client's credentials.
 */
@GraphQLApi
public class BsddSubscriptionApi {
    @Inject
    SecurityIdentity identity;
    @Inject
    BsddChangeFeed feed;

    @Subscription("forms")
    @Description("Obsolète : interrogez plutôt formsLifeCycle. Pousse les créations, modifications et suppressions des "
            + "BSDD que l'une de vos entreprises peut consulter, à partir de l'abonnement (WebSocket).")
    public Multi<FormSubscription> forms(
            @Name("token") @NonNull @Description("Votre jeton d'accès (jeton personnel ou jeton Keycloak).") String token) {
        return feed.subscribe(Callers.require(identity));
    }
}
