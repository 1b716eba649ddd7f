package fr.wastetrace.webhook.internal;

import fr.wastetrace.identity.IdentityCodec;
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
 * The internal endpoints answer only callers that hold the platform's identity secret (company-service signs a
 * service identity with it, as the gateway does for subgraphs). Health and metrics under {@code /q} stay open.
 */
@ApplicationScoped
public class InternalOnlyFilter {
    private final IdentityCodec codec;
    private final String audience;

    @Inject
    public InternalOnlyFilter(@ConfigProperty(name = "wastetrace.identity.secret") String secret,
                              @ConfigProperty(name = "wastetrace.identity.accepted-secrets") Optional<List<String>> accepted,
                              @ConfigProperty(name = "wastetrace.identity.audience") String audience) {
        this.codec = new IdentityCodec(secret, accepted.orElse(List.of()), Clock.systemUTC());
        this.audience = audience;
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
