package fr.wastetrace.webhook.internal;

import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.identity.IdentityConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;

/**
 * The internal endpoints answer only callers that hold the platform's identity secret (company-service signs a
 * service identity with it, as the gateway does for subgraphs). Health and metrics under {@code /q} stay open.
 */
@ApplicationScoped
public class InternalOnlyFilter {
    private final IdentityCodec codec;
    private final String audience;

    @Inject
    public InternalOnlyFilter(IdentityConfig identity) {
        this.codec = new IdentityCodec(identity.secret(), identity.acceptedSecrets().orElse(List.of()), Clock.systemUTC());
        this.audience = identity.audience()
                .orElseThrow(() -> new IllegalStateException("wastetrace.identity.audience is not set"));
    }

    void registerOn(@Observes Router router) {
        router.route("/internal/*").order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext ctx) {
        if (codec.verify(ctx.request().getHeader(IdentityCodec.HEADER), audience).isPresent()) {
            ctx.next();
        } else {
            ctx.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                    .end("{\"error\":\"internal endpoint: a signed platform identity is required\"}");
        }
    }
}
