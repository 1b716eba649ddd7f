package fr.wastetrace.registry.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the projection's consumer runs and is not waiting for the database or Kafka to come back. */
@Readiness
@ApplicationScoped
public class ProjectionHealth implements HealthCheck {
    @Inject
    ProjectionConsumer consumer;
    @Inject
    RunMode runMode;

    @Override
    public HealthCheckResponse call() {
        boolean up = runMode.isRebuildCommand() || (consumer.isRunning() && !consumer.isBlocked());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("registry-projection").status(up)
                .withData("running", consumer.isRunning())
                .withData("blocked", consumer.isBlocked())
                .withData("handled", consumer.handledCount());
        consumer.lastLagMillis().ifPresent(lag -> response.withData("lagMillis", lag));
        return response.build();
    }
}
