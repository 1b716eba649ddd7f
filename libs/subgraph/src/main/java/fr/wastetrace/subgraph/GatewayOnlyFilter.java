package fr.wastetrace.subgraph;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.identity.IdentityConfig;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Subgraphs answer only calls that came through the gateway: every request to the GraphQL endpoint, to the internal
 * endpoints ({@code /internal/...}) and to file downloads ({@code /download}, {@code /road-control/...}) must carry a valid, fresh identity
 * header, even for an anonymous caller. Health and metrics endpoints ({@code /q/...}) stay open.
 */
@ApplicationScoped
public class GatewayOnlyFilter {
    static final String IDENTITY_KEY = "wastetrace.identity";
    private static final String[] GUARDED_PATHS = {"/graphql*", "/internal/*", "/download*", "/road-control*"};

    private final IdentityCodec codec;
    private final String audience;
    private final List<String> openPaths;

    /** Headers signed with the identity keys for this service's audience; the subgraph's open paths let through. */
    @Inject
    public GatewayOnlyFilter(IdentityConfig identity, SubgraphConfig subgraph) {
        this.codec = new IdentityCodec(identity.secret(), identity.acceptedSecrets().orElse(List.of()), Clock.systemUTC());
        this.audience = identity.audience()
                .orElseThrow(() -> new IllegalStateException("wastetrace.identity.audience is not set"));
        this.openPaths = subgraph.openPaths().orElse(List.of());
    }

    void registerOn(@Observes Router router) {
        for (String path : GUARDED_PATHS) {
            router.route(path).order(Integer.MIN_VALUE).handler(this::check);
        }
    }

    void check(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.OPTIONS || openPaths.contains(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        verify(ctx.request().getHeader(IdentityCodec.HEADER)).ifPresentOrElse(identity -> {
            ctx.put(IDENTITY_KEY, identity);
            ctx.next();
        }, () -> ctx.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                .end(ApiErrors.refusal(ctx, "Ce service n'est joignable qu'au travers de la passerelle.", "UNAUTHENTICATED")));
    }

    /** The caller of a header made for this service with an accepted key; empty otherwise. */
    Optional<CallerIdentity> verify(String header) {
        return codec.verify(header, audience);
    }

    void onStart(@Observes StartupEvent event) {
        // Forces eager creation, so that a missing or short secret stops the service at start-up.
    }
}
