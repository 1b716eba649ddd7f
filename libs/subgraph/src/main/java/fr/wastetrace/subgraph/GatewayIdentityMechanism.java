package fr.wastetrace.subgraph;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** Turns the gateway's verified identity header into the request's {@link SecurityIdentity}. */
@ApplicationScoped
public class GatewayIdentityMechanism implements HttpAuthenticationMechanism {
    /** Attribute of the {@link SecurityIdentity} holding the {@link CallerIdentity}. */
    public static final String CALLER = "wastetrace.caller";
    public static final String USER_ROLE = "user";

    @Inject
    GatewayOnlyFilter filter;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        CallerIdentity caller = context.get(GatewayOnlyFilter.IDENTITY_KEY);
        if (caller == null) {
            caller = filter.verify(context.request().getHeader(IdentityCodec.HEADER)).orElse(null);
        }
        if (caller == null || !caller.isAuthenticated()) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.subject()))
                .addRole(USER_ROLE)
                .addAttribute(CALLER, caller)
                .build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
