package fr.wastetrace.gateway.ratelimit;

import fr.wastetrace.gateway.config.GatewayConfig;
import fr.wastetrace.gateway.federation.GraphQLErrors;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The per-IP limit on every public request (everything but {@code /q/...}): {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (epoch seconds) on every response; HTTP 429 with
 * {@code Retry-After} beyond the limit. Also resolves the client address once for the request.
 */
@ApplicationScoped
public class RateLimitFilter {
    public static final String CLIENT_IP = "wastetrace.clientIp";

    @Inject
    RateLimiter limiter;
    @Inject
    GatewayConfig gateway;

    private ClientAddress clientAddress;
    private Limit perIp;

    void register(@Observes Router router) {
        clientAddress = new ClientAddress(gateway.rateLimit().trustedProxies().orElse(List.of()));
        perIp = new Limit(gateway.rateLimit().perIp(), gateway.rateLimit().window());
        router.route().order(-100).handler(this::filter);
    }

    private void filter(RoutingContext ctx) {
        String ip = clientAddress.resolve(ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress(),
                ctx.request().getHeader("X-Forwarded-For"));
        ctx.put(CLIENT_IP, ip);
        if (!gateway.rateLimit().enabled() || ctx.normalizedPath().startsWith("/q/")) {
            ctx.next();
            return;
        }
        limiter.decide("ip:" + ip, perIp).subscribe().with(decision -> {
            HttpServerResponse response = ctx.response();
            headers(response, decision);
            if (decision.allowed()) {
                ctx.next();
            } else {
                response.setStatusCode(429)
                        .putHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()))
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(Json.encode(GraphQLErrors.render(GraphQLErrors.response("Quota de " + decision.limit()
                                + " requêtes par " + gateway.rateLimit().window().toMinutes() + " minute(s) dépassé pour cette adresse IP : "
                                + "réessayez après " + decision.retryAfterSeconds() + " secondes.", "TOO_MANY_REQUESTS"),
                                GraphQLErrors.Context.anonymous(ctx.request().getHeader("Accept-Language")))));
            }
        }, ctx::fail);
    }

    static void headers(HttpServerResponse response, RateLimiter.Decision decision) {
        response.putHeader("X-RateLimit-Limit", String.valueOf(decision.limit()))
                .putHeader("X-RateLimit-Remaining", String.valueOf(decision.remaining()))
                .putHeader("X-RateLimit-Reset", String.valueOf(decision.resetEpochSeconds()));
    }
}
