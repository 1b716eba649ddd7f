package fr.wastetrace.gateway.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.gateway.config.GatewayConfig;
import fr.wastetrace.gateway.federation.FederatedExecutor;
import fr.wastetrace.gateway.federation.SubgraphClient;
import fr.wastetrace.gateway.identity.IdentityResolver;
import fr.wastetrace.gateway.ratelimit.Limit;
import fr.wastetrace.gateway.ratelimit.RateLimitFilter;
import fr.wastetrace.gateway.ratelimit.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GraphQL over WebSocket on {@code /} and {@code /graphql} (the HTTP endpoints' addresses), in both protocols of
 * {@link Protocol}. The upgrade request passes the per-IP rate limit like any request; each connection is then a
 * {@link ClientConnection}. Subscriptions are forwarded to the subgraph that owns them; queries and mutations sent over
 * the socket run like HTTP requests.
 */
@ApplicationScoped
public class GraphQLWebSocketEndpoint implements HttpServerOptionsCustomizer {
    private static final Logger LOG = Logger.getLogger(GraphQLWebSocketEndpoint.class);

    @Inject
    FederatedExecutor executor;
    @Inject
    IdentityResolver identities;
    @Inject
    RateLimiter limiter;
    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    SubgraphClient subgraphs;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry meters;

    WebSocketClient upstreamClient;
    Limit perIp;
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger operations = new AtomicInteger();
    Counter slowClients;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        List<String> subprotocols = new ArrayList<>(options.getWebSocketSubProtocols() == null ? List.of()
                : options.getWebSocketSubProtocols());
        for (Protocol protocol : Protocol.values()) {
            if (!subprotocols.contains(protocol.subprotocol)) {
                subprotocols.add(protocol.subprotocol);
            }
        }
        options.setWebSocketSubProtocols(subprotocols);
    }

    void register(@Observes Router router) {
        perIp = new Limit(config.rateLimit().perIp(), config.rateLimit().window());
        upstreamClient = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(16 * 1024 * 1024));
        Gauge.builder("wastetrace.gateway.websocket.connections", connections, AtomicInteger::get)
                .description("Open GraphQL WebSocket connections").register(meters);
        Gauge.builder("wastetrace.gateway.websocket.operations", operations, AtomicInteger::get)
                .description("Operations running over GraphQL WebSockets (subscriptions, mostly)").register(meters);
        slowClients = Counter.builder("wastetrace.gateway.websocket.slow.clients")
                .description("WebSocket clients disconnected because they did not read fast enough").register(meters);
        for (String path : List.of("/", "/graphql")) {
            // after the rate limit (order -100), before the HTTP GET handlers
            router.get(path).order(-50).handler(this::upgrade);
        }
    }

    private void upgrade(RoutingContext ctx) {
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
            ctx.next();
            return;
        }
        String clientIp = ctx.get(RateLimitFilter.CLIENT_IP);
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        ctx.request().toWebSocket().onComplete(result -> {
            if (result.failed()) {
                LOG.debugf("WebSocket upgrade failed: %s", result.cause().getMessage());
                return;
            }
            new ClientConnection(this, result.result(), clientIp == null ? "unknown" : clientIp, authorization).start();
        });
    }
}
