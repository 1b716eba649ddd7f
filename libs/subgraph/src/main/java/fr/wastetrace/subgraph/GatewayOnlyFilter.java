package fr.wastetrace.subgraph;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /**
     * @param secret   the key of the identity headers
     * @param accepted other keys accepted during a rotation (the next or the previous one; docs/operations.md)
     * @param audience this service's name: headers made for another service are refused
     * @param openPaths exact paths that do not come through the gateway and authenticate their callers otherwise
     *                  (registry-service's national registry feed: a Keycloak token and a role)
     */
    @Inject
    public GatewayOnlyFilter(@ConfigProperty(name = "wastetrace.identity.secret") String secret,
                             @ConfigProperty(name = "wastetrace.identity.accepted-secrets") Optional<List<String>> accepted,
                             @ConfigProperty(name = "wastetrace.identity.audience") String audience,
                             @ConfigProperty(name = "wastetrace.subgraph.open-paths") Optional<List<String>> openPaths) {
        this.codec = new IdentityCodec(secret, accepted.orElse(List.of()), Clock.systemUTC());
        this.audience = audience;
        this.openPaths = openPaths.orElse(List.of());
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
                .end("{\"errors\":[{\"message\":\"Ce service n'est joignable qu'au travers de la passerelle.\","
                        + "\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}"));
    }

    /** The caller of a header made for this service with an accepted key; empty otherwise. */
    Optional<CallerIdentity> verify(String header) {
        return codec.verify(header, audience);
    }

    void onStart(@Observes StartupEvent event) {
        // Forces eager creation, so that a missing or short secret stops the service at start-up.
    }
}
