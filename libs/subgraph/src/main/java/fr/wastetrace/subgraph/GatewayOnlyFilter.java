package fr.wastetrace.subgraph;

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

    @Inject
    public GatewayOnlyFilter(@ConfigProperty(name = "wastetrace.identity.secret") String secret) {
        this.codec = new IdentityCodec(secret, Clock.systemUTC());
    }

    void registerOn(@Observes Router router) {
        for (String path : GUARDED_PATHS) {
            router.route(path).order(Integer.MIN_VALUE).handler(this::check);
        }
    }

    void check(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        codec.verify(ctx.request().getHeader(IdentityCodec.HEADER)).ifPresentOrElse(identity -> {
            ctx.put(IDENTITY_KEY, identity);
            ctx.next();
        }, () -> ctx.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                .end("{\"errors\":[{\"message\":\"Ce service n'est joignable qu'au travers de la passerelle.\","
                        + "\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}"));
    }

    IdentityCodec codec() {
        return codec;
    }

    void onStart(@Observes StartupEvent event) {
        // Forces eager creation, so that a missing or short secret stops the service at start-up.
    }
}
