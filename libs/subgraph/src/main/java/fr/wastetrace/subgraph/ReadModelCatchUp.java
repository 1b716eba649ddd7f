package fr.wastetrace.subgraph;

import fr.wastetrace.identity.CallerIdentity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Read-your-writes in a subgraph that keeps a read model ({@link ReadModelPositions}): a GraphQL request whose caller
 * awaits positions (its own recent writes, {@link CallerIdentity#awaited()}) that the read model has not applied yet
 * waits for them, at most {@code wastetrace.read-your-writes.max-wait}, before it runs; past that bound it runs as
 * it would have (counted in {@code wastetrace_read_your_writes_timeouts_total}). A caller that awaits nothing, or
 * nothing the read model lacks (known in memory), goes on at once, on the event loop.
 */
@ApplicationScoped
public class ReadModelCatchUp {
    private static final Logger LOG = Logger.getLogger(ReadModelCatchUp.class);
    private static final int CAPACITY = 100_000;

    private final AppliedPositions positions = new AppliedPositions(CAPACITY);

    @Inject
    Instance<ReadModelPositions> readModels;
    @Inject
    MeterRegistry meters;
    @Inject
    ReadYourWritesConfig config;

    private Timer waits;
    private Counter timeouts;

    void registerOn(@Observes Router router) {
        if (!readModels.isResolvable()) {
            return;
        }
        waits = Timer.builder("wastetrace.read_your_writes.wait")
                .description("Requests held until the read model applied the caller's own writes").register(meters);
        timeouts = Counter.builder("wastetrace.read_your_writes.timeouts")
                .description("Requests that ran after the bound, the read model still behind the caller's writes")
                .register(meters);
        // Right after the identity check (GatewayOnlyFilter), before the body is read: the request stays paused.
        router.route("/graphql").method(HttpMethod.POST).order(Integer.MIN_VALUE + 1).handler(this::hold);
    }

    /** The service's consumer applied (or already held) {@code version} of {@code key}: waiting requests may go on. */
    public void applied(String key, long version) {
        positions.raise(key, version);
    }

    void hold(RoutingContext ctx) {
        CallerIdentity caller = ctx.get(GatewayOnlyFilter.IDENTITY_KEY);
        Map<String, Long> awaited = caller == null ? Map.of() : followed(caller.awaited());
        if (awaited.isEmpty() || positions.pending(awaited).isEmpty()) {
            ctx.next();
            return;
        }
        ctx.vertx().executeBlocking(() -> catchUp(awaited), false).onComplete(done -> ctx.next());
    }

    private Map<String, Long> followed(Map<String, Long> awaited) {
        if (awaited.isEmpty()) {
            return awaited;
        }
        ReadModelPositions readModel = readModels.get();
        Map<String, Long> followed = new HashMap<>();
        awaited.forEach((key, version) -> {
            if (readModel.follows(key)) {
                followed.put(key, version);
            }
        });
        return followed;
    }

    private boolean catchUp(Map<String, Long> awaited) {
        long started = System.nanoTime();
        try {
            boolean caughtUp = positions.await(awaited, readModels.get()::applied, config.maxWait(), config.pollInterval());
            if (!caughtUp) {
                timeouts.increment();
                LOG.warnf("read model still behind the caller's writes after %s: %s", config.maxWait(), positions.pending(awaited));
            }
            return caughtUp;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            LOG.warnf("could not read the read model's positions, answering without waiting: %s", e.getMessage());
            return false;
        } finally {
            waits.record(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
