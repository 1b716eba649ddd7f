package fr.wastetrace.gateway.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.gateway.config.GatewayConfig;
import fr.wastetrace.gateway.federation.SchemaRegistry;
import fr.wastetrace.gateway.status.ComponentState.State;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Probes every component of the suite every {@code interval}, from what the services already expose: each service's
 * {@code /q/health/ready} (its own checks: database, Kafka, relay, projection), the Keycloak realm's public document,
 * and Redis (PING from the gateway itself). The latest round is what {@code /status} shows; each round is also offered
 * to {@link UptimeStore}, which keeps one sample per period for all replicas.
 */
@ApplicationScoped
public class StatusProbe {
    private static final Logger LOG = Logger.getLogger(StatusProbe.class);
    static final Map<String, String> SERVICES = orderedServices();

    @Inject
    GatewayConfig gateway;
    @Inject
    SchemaRegistry schemas;
    @Inject
    ObjectMapper mapper;
    @Inject
    RedisDataSource redis;
    @Inject
    UptimeStore uptime;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private ScheduledExecutorService scheduler;
    private volatile Snapshot latest;

    /** One probe round: when, and every component's state in the page's order. */
    public record Snapshot(Instant checkedAt, List<ComponentState> components) {
    }

    private static Map<String, String> orderedServices() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("bsd-service", "Bordereaux (bsd-service)");
        services.put("company-service", "Établissements et comptes (company-service)");
        services.put("registry-service", "Registres (registry-service)");
        services.put("webhook-service", "Webhooks (webhook-service)");
        return services;
    }

    void onStart(@Observes StartupEvent event) {
        if (!gateway.status().enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "status-probe");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::round, 0, gateway.status().interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** The latest round; before the first one ends, every component but the gateway is {@code UNKNOWN}. */
    public Snapshot latest() {
        Snapshot snapshot = latest;
        if (snapshot != null) {
            return snapshot;
        }
        List<ComponentState> pending = new ArrayList<>();
        pending.add(gatewayState());
        for (String id : componentIds().subList(1, componentIds().size())) {
            pending.add(new ComponentState(id, label(id), State.UNKNOWN, null, "première vérification en cours"));
        }
        return new Snapshot(Instant.now(), pending);
    }

    /** Every component's id, in the page's order. */
    public List<String> componentIds() {
        List<String> ids = new ArrayList<>();
        ids.add("gateway");
        ids.addAll(SERVICES.keySet());
        new TreeMap<>(gateway.status().relays()).keySet().forEach(relay -> ids.add(relay + "-relay"));
        ids.addAll(List.of("registry-projection", "postgresql", "kafka", "redis", "keycloak"));
        return ids;
    }

    String label(String id) {
        if (SERVICES.containsKey(id)) {
            return SERVICES.get(id);
        }
        return switch (id) {
            case "gateway" -> "API GraphQL (passerelle)";
            case "registry-projection" -> "Projection des registres";
            case "postgresql" -> "Bases de données (PostgreSQL)";
            case "kafka" -> "Flux d'événements (Kafka)";
            case "redis" -> "Cache et quotas (Redis)";
            case "keycloak" -> "Authentification (Keycloak)";
            default -> id.endsWith("-relay")
                    ? "Relais des événements (" + id.substring(0, id.length() - "-relay".length()) + ")" : id;
        };
    }

    /** Runs one round now (also what the scheduler runs); never throws. */
    void round() {
        try {
            Snapshot snapshot = probe();
            latest = snapshot;
            uptime.record(snapshot);
        } catch (RuntimeException e) {
            LOG.warnf(e, "status probe round failed");
        }
    }

    private Snapshot probe() {
        Map<String, CompletableFuture<Health>> services = new LinkedHashMap<>();
        services.put("bsd-service", health(gateway.subgraphs().get("bsd")));
        services.put("company-service", health(gateway.subgraphs().get("company")));
        services.put("registry-service", health(gateway.subgraphs().get("registry")));
        services.put("webhook-service", health(gateway.status().webhookServiceUrl()));
        Map<String, CompletableFuture<Health>> relays = new TreeMap<>();
        gateway.status().relays().forEach((relay, url) -> relays.put(relay, health(url)));
        CompletableFuture<Health> keycloak = get(gateway.status().keycloakUrl());

        List<ComponentState> components = new ArrayList<>();
        components.add(gatewayState());
        List<Health> answered = new ArrayList<>();
        services.forEach((id, future) -> {
            Health health = future.join();
            answered.add(health);
            components.add(new ComponentState(id, label(id), health.state(), null,
                    health.reachable() ? null : "ne répond pas"));
        });
        relays.forEach((relay, future) -> components.add(relayState(relay, future.join())));
        components.add(projectionState(services.get("registry-service").join()));
        components.add(backing("postgresql", answered, Health::database));
        components.add(backing("kafka", answered, Health::kafka));
        components.add(redisState());
        Health realm = keycloak.join();
        components.add(new ComponentState("keycloak", label("keycloak"), realm.status() == 200 ? State.UP : State.DOWN, null,
                realm.reachable() ? null : "ne répond pas"));
        return new Snapshot(Instant.now(), components);
    }

    private ComponentState gatewayState() {
        return schemas.complete()
                ? new ComponentState("gateway", label("gateway"), State.UP, null, null)
                : new ComponentState("gateway", label("gateway"), State.DEGRADED, null, "schéma en cours de composition");
    }

    private ComponentState relayState(String relay, Health health) {
        String id = relay + "-relay";
        Optional<JsonNode> check = health.check("outbox-relay");
        if (check.isEmpty()) {
            return new ComponentState(id, label(id), health.reachable() ? State.UNKNOWN : State.DOWN, null,
                    health.reachable() ? "état non publié" : "ne répond pas");
        }
        JsonNode data = check.get().path("data");
        Long lag = data.path("lagMillis").isNumber() ? data.path("lagMillis").asLong() : null;
        return switch (data.path("state").asText()) {
            case "ACTIVE" -> new ComponentState(id, label(id), State.UP, lag, null);
            case "STANDBY" -> new ComponentState(id, label(id), State.DEGRADED, lag, "en attente (une autre instance relaie)");
            case "FAILING" -> new ComponentState(id, label(id), State.DOWN, lag, "en échec, nouvelle tentative en cours");
            default -> new ComponentState(id, label(id), State.DOWN, lag, "arrêté");
        };
    }

    private ComponentState projectionState(Health registry) {
        Optional<JsonNode> check = registry.check("registry-projection");
        if (check.isEmpty()) {
            return new ComponentState("registry-projection", label("registry-projection"),
                    registry.reachable() ? State.UNKNOWN : State.DOWN, null, registry.reachable() ? "état non publié" : "ne répond pas");
        }
        JsonNode data = check.get().path("data");
        Long lag = data.path("lagMillis").isNumber() ? data.path("lagMillis").asLong() : null;
        boolean up = "UP".equals(check.get().path("status").asText());
        return new ComponentState("registry-projection", label("registry-projection"), up ? State.UP : State.DOWN, lag,
                up ? null : data.path("blocked").asBoolean() ? "en attente de la base ou de Kafka" : "arrêtée");
    }

    /** A backing service as the services see it: up if every service that checks it sees it up. */
    private ComponentState backing(String id, List<Health> answered, Function<Health, Optional<Boolean>> seen) {
        int up = 0;
        int down = 0;
        for (Health health : answered) {
            Optional<Boolean> state = seen.apply(health);
            if (state.isPresent()) {
                if (state.get()) {
                    up++;
                } else {
                    down++;
                }
            }
        }
        if (up + down == 0) {
            return new ComponentState(id, label(id), State.UNKNOWN, null, "aucun service ne peut le vérifier");
        }
        if (down == 0) {
            return new ComponentState(id, label(id), State.UP, null, null);
        }
        return new ComponentState(id, label(id), up == 0 ? State.DOWN : State.DEGRADED, null,
                down + " service(s) sur " + (up + down) + " ne l'atteignent pas");
    }

    private ComponentState redisState() {
        try {
            redis.execute("PING");
            return new ComponentState("redis", label("redis"), State.UP, null, null);
        } catch (RuntimeException e) {
            return new ComponentState("redis", label("redis"), State.DOWN, null, "ne répond pas");
        }
    }

    private CompletableFuture<Health> health(String baseUrl) {
        return get(stripSlash(baseUrl) + "/q/health/ready");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private CompletableFuture<Health> get(String url) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(gateway.status().probeTimeout())
                    .header("Accept", "application/json").GET().build();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Health.UNREACHABLE);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new Health(response.statusCode(), parse(response.body())))
                .exceptionally(failure -> Health.UNREACHABLE)
                .completeOnTimeout(Health.UNREACHABLE, gateway.status().probeTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
    }

    private JsonNode parse(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (Exception e) {
            return mapper.nullNode();
        }
    }

    /** A readiness answer: HTTP status (0 when unreachable) and its JSON body. */
    record Health(int status, JsonNode body) {
        static final Health UNREACHABLE = new Health(0, null);

        boolean reachable() {
            return status != 0;
        }

        State state() {
            return status == 200 ? State.UP : State.DOWN;
        }

        Optional<JsonNode> check(String name) {
            if (body == null) {
                return Optional.empty();
            }
            for (JsonNode check : body.path("checks")) {
                if (name.equals(check.path("name").asText())) {
                    return Optional.of(check);
                }
            }
            return Optional.empty();
        }

        /** What this service's own checks say of its database; empty when it has none (or did not answer). */
        Optional<Boolean> database() {
            return matching("database", "datasource", "postgres");
        }

        Optional<Boolean> kafka() {
            return matching("kafka");
        }

        private Optional<Boolean> matching(String... words) {
            if (body == null) {
                return Optional.empty();
            }
            Optional<Boolean> seen = Optional.empty();
            for (JsonNode check : body.path("checks")) {
                String name = check.path("name").asText().toLowerCase(Locale.ROOT);
                for (String word : words) {
                    if (name.contains(word)) {
                        boolean up = "UP".equals(check.path("status").asText());
                        seen = Optional.of(seen.orElse(true) && up);
                    }
                }
            }
            return seen;
        }
    }
}
