package fr.wastetrace.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while this instance relays (or stands by); not ready while its active relay keeps failing. */
@Readiness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {
    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay")
                .status(relay.state() != OutboxRelay.State.FAILING)
                .withData("state", relay.state().name())
                .withData("slot", relay.slotName())
                .withData("published", relay.publishedCount());
        relay.lastError().ifPresent(error -> response.withData("lastError", error));
        relay.lastLagMillis().ifPresent(lag -> response.withData("lagMillis", lag));
        relay.lastPublishedAt().ifPresent(at -> response.withData("lastPublishedAt", at.toString()));
        return response.build();
    }
}
