package fr.wastetrace.company.tokens;

import fr.wastetrace.company.Timestamps;
import fr.wastetrace.company.members.MembershipEntity;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.company.users.Users;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.time.OffsetDateTime;
import java.util.List;

@GraphQLApi
public class AccessTokenApi {
    static final int MAX_DESCRIPTION = 200;

    @Inject
    Users users;
    @Inject
    AccessTokens tokens;
    @Inject
    SecurityIdentity identity;

    @Query("accessTokens")
    @Description("Vos jetons d'accès personnels encore valides.")
    @Transactional
    public @NonNull List<@NonNull AccessToken> accessTokens() {
        OffsetDateTime now = Timestamps.now();
        return AccessTokenEntity.activeOf(users.current().id).stream().filter(token -> !token.expiredAt(now))
                .map(AccessToken::of).toList();
    }

    @Mutation("createAccessToken")
    @Description("Crée un jeton d'accès personnel, à envoyer dans l'en-tête Authorization: Bearer <jeton>. Le jeton "
            + "n'est affiché qu'une fois : conservez-le. Un jeton d'accès ne permet pas d'en créer d'autres.")
    @Transactional
    public @NonNull NewAccessToken createAccessToken(@NonNull @Name("input") CreateAccessTokenInput input) {
        UserAccountEntity owner = users.current();
        if (Callers.require(identity).authType() == CallerIdentity.AuthType.ACCESS_TOKEN) {
            throw new ApiException.Forbidden("Un jeton d'accès ne peut pas créer d'autre jeton : connectez-vous avec "
                    + "votre compte (jeton Keycloak) pour en créer un.");
        }
        String description = input.description == null ? "" : input.description.trim();
        if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
            throw new ApiException.BadUserInput("Décrivez l'usage du jeton (1 à " + MAX_DESCRIPTION + " caractères).");
        }
        List<String> memberOf = MembershipEntity.ofUser(owner.id).stream().map(m -> m.company.orgId).toList();
        return tokens.create(owner, description, TokenRestrictions.of(input, Timestamps.now(), memberOf));
    }

    @Mutation("revokeAccessToken")
    @Description("Révoque l'un de vos jetons d'accès : il cesse aussitôt d'être accepté.")
    @Transactional
    public @NonNull AccessToken revokeAccessToken(@NonNull @Id @Name("id") String id) {
        UserAccountEntity owner = users.current();
        AccessTokenEntity token = AccessTokenEntity.<AccessTokenEntity>find("id = ?1 and userId = ?2 and revokedAt is null",
                id, owner.id).firstResultOptional().orElseThrow(() -> new ApiException.BadUserInput(
                "Vous n'avez aucun jeton d'accès valide d'identifiant « " + id + " »."));
        tokens.revoke(owner, token);
        return AccessToken.of(token);
    }

    @Mutation("revokeAllAccessTokens")
    @Description("Révoque tous vos jetons d'accès.")
    @Transactional
    public @NonNull List<@NonNull AccessToken> revokeAllAccessTokens() {
        UserAccountEntity owner = users.current();
        List<AccessTokenEntity> active = AccessTokenEntity.activeOf(owner.id);
        active.forEach(token -> tokens.revoke(owner, token));
        return active.stream().map(AccessToken::of).toList();
    }
}
