package fr.wastetrace.kafka.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.util.Optional;

/**
 * The consumer loops in {@code /q/health/live} (DOWN when one died or is stuck, so that the orchestrator restarts the
 * process) and {@code /q/health/ready} (DOWN while one waits for an unavailable dependency, is not running, or lags
 * more than {@code wastetrace.consumers.ready-max-lag}). Both are named {@code kafka-consumers}, with each loop's
 * state, lag and counts as data ({@code <loop>.state}, {@code <loop>.lag}, …).
 */
public final class ConsumerLoopsHealth {
    private ConsumerLoopsHealth() {
    }

    static boolean ready(ConsumerLoop.Status status, Optional<Long> maxLag) {
        return status.state() == ConsumerLoop.State.RUNNING && status.live() && !status.blocked()
                && (maxLag.isEmpty() || status.lag() <= maxLag.get());
    }

    static HealthCheckResponse check(ConsumerLoops loops, boolean readiness) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-consumers");
        boolean up = true;
        for (ConsumerLoop loop : loops.all()) {
            ConsumerLoop.Status status = loop.status();
            boolean ok = readiness ? ready(status, loops.readyMaxLag()) : status.live();
            up &= ok;
            response.withData(loop.name() + ".state", status.stalled() ? "STALLED" : status.blocked() ? "BLOCKED" : status.state().name());
            response.withData(loop.name() + ".lag", status.lag());
            if (readiness) {
                response.withData(loop.name() + ".handled", status.handled());
                response.withData(loop.name() + ".deadLettered", status.deadLettered());
            }
            if (!ok && status.lastError() != null) {
                response.withData(loop.name() + ".lastError", status.lastError());
            }
        }
        return response.status(up).build();
    }

    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        @Inject
        ConsumerLoops loops;

        @Override
        public HealthCheckResponse call() {
            return check(loops, false);
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Inject
        ConsumerLoops loops;

        @Override
        public HealthCheckResponse call() {
            return check(loops, true);
        }
    }
}
