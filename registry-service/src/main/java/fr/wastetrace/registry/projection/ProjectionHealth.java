package fr.wastetrace.registry.projection;

import fr.wastetrace.kafka.consumer.ConsumerLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the projection's consumer runs and is not waiting for the database or Kafka to come back (the gateway's
 * status page reads this check and its {@code lagMillis}). Liveness is the shared {@code kafka-consumers} check.
 */
@Readiness
@ApplicationScoped
public class ProjectionHealth implements HealthCheck {
    @Inject
    ProjectionConsumer consumer;
    @Inject
    RunMode runMode;

    @Override
    public HealthCheckResponse call() {
        boolean up = runMode.isRebuildCommand() || (consumer.isRunning() && !consumer.isBlocked()
                && consumer.status().map(ConsumerLoop.Status::live).orElse(false));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("registry-projection").status(up)
                .withData("running", consumer.isRunning())
                .withData("blocked", consumer.isBlocked())
                .withData("handled", consumer.handledCount());
        consumer.status().ifPresent(status -> response.withData("lag", status.lag()));
        consumer.lastLagMillis().ifPresent(lag -> response.withData("lagMillis", lag));
        return response.build();
    }
}
