package fr.wastetrace.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.gateway.config.GatewayConfig;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the composed schema current: reads every subgraph's SDL at start-up and then periodically. A subgraph that
 * stops answering keeps its last known SDL, so that its fields stay in the schema and fail alone, clearly.
 */
@ApplicationScoped
public class SchemaRegistry {
    private static final Logger LOG = Logger.getLogger(SchemaRegistry.class);

    @Inject
    GatewayConfig config;
    @Inject
    SubgraphClient client;

    private final Map<String, String> lastSdl = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "schema-registry");
        t.setDaemon(true);
        return t;
    });
    private volatile ComposedSchema current;
    private IdentityCodec codec;

    void onStart(@Observes StartupEvent event) {
        codec = new IdentityCodec(config.identitySecret(), Clock.systemUTC());
        scheduler.execute(this::refresh);
    }

    void onStop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    public Optional<ComposedSchema> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Whether the composed schema holds every configured subgraph: each gave its schema at least once (a subgraph that
     * goes down later keeps its last schema in the composition, and its fields fail alone).
     */
    public boolean complete() {
        ComposedSchema served = current;
        return complete(served != null, composedFrom(served), config.subgraphs().keySet());
    }

    /**
     * The subgraphs of the schema being served. Readiness follows these, not the SDLs received, which come in before
     * the schema holding them is composed (a request in between was validated against the previous, smaller schema).
     */
    private static Set<String> composedFrom(ComposedSchema served) {
        return served == null ? Set.of() : served.subgraphs();
    }

    static boolean complete(boolean composed, Set<String> withSchema, Set<String> configured) {
        return composed && withSchema.containsAll(configured);
    }

    /** Per subgraph: {@code composed}, or the reason it is not. */
    public Map<String, String> status() {
        Map<String, String> status = new TreeMap<>();
        Set<String> composed = composedFrom(current);
        config.subgraphs().keySet().forEach(name -> status.put(name,
                lastError.containsKey(name) ? lastError.get(name) : composed.contains(name) ? "composed" : "pending"));
        return status;
    }

    synchronized void refresh() {
        boolean changed = false;
        for (String subgraph : new TreeMap<>(config.subgraphs()).keySet()) {
            try {
                String identity = codec.sign(CallerIdentity.anonymous("gateway", Instant.now().plusSeconds(30)), subgraph);
                JsonNode answer = client.schema(subgraph, identity).join();
                String sdl = answer.path("data").path("_service").path("sdl").asText(null);
                if (sdl == null) {
                    throw new IllegalStateException("no SDL in the answer: " + answer.path("errors"));
                }
                changed |= !sdl.equals(lastSdl.put(subgraph, sdl));
                lastError.remove(subgraph);
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                lastError.put(subgraph, cause.getMessage());
                LOG.debugf("subgraph %s did not give its schema: %s", subgraph, cause.getMessage());
            }
        }
        if (changed || current == null) {
            compose();
        }
        boolean complete = lastSdl.keySet().containsAll(config.subgraphs().keySet());
        long delay = (complete ? config.schemaRefreshInterval() : config.schemaRetryInterval()).toMillis();
        scheduler.schedule(this::refresh, delay, TimeUnit.MILLISECONDS);
    }

    private void compose() {
        if (lastSdl.isEmpty()) {
            return;
        }
        Map<String, String> ordered = new LinkedHashMap<>(new TreeMap<>(lastSdl));
        try {
            current = SchemaComposer.compose(ordered);
            LOG.infof("composed schema from %s", ordered.keySet());
        } catch (RuntimeException e) {
            LOG.errorf("could not compose the schema from %s: %s (keeping the previous one)", ordered.keySet(), e.getMessage());
        }
    }
}
