package fr.wastetrace.webhook.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while both event consumers run (a stopped consumer would silently stop deliveries). */
@Readiness
@ApplicationScoped
public class ConsumersHealth implements HealthCheck {
    @Inject
    EventConsumers consumers;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("webhook-consumers").status(consumers.running()).build();
    }
}
