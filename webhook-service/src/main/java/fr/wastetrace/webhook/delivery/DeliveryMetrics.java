package fr.wastetrace.webhook.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code wastetrace_webhook_attempts_total{outcome}} (every POST), {@code wastetrace_webhook_deliveries_total{result}}
 * (deliveries finished: delivered, gave_up, dropped), {@code wastetrace_webhook_delivery_lag_seconds} (from the BSD
 * change's commit to its delivery), {@code wastetrace_webhook_request_seconds} and
 * {@code wastetrace_webhook_deactivations_total}.
 */
@ApplicationScoped
public class DeliveryMetrics {
    @Inject
    MeterRegistry registry;

    public void attempt(Outcome outcome) {
        Counter.builder("wastetrace.webhook.attempts").description("POSTs to webhook endpoints, by outcome")
                .tag("outcome", outcome.kind().name().toLowerCase()).register(registry).increment();
        Timer.builder("wastetrace.webhook.request").description("Duration of the POSTs to webhook endpoints")
                .register(registry).record(Duration.ofMillis(outcome.latencyMillis()));
    }

    public void delivered(Instant occurredAt) {
        finished("delivered", 1);
        Timer.builder("wastetrace.webhook.delivery.lag")
                .description("From the commit of a BSD change to its delivery to an endpoint")
                .publishPercentileHistogram().publishPercentiles(0.5, 0.99)
                .register(registry).record(Duration.between(occurredAt, Instant.now()));
    }

    public void finished(String result, int count) {
        if (count > 0) {
            Counter.builder("wastetrace.webhook.deliveries").description("Deliveries finished, by result")
                    .tag("result", result).register(registry).increment(count);
        }
    }

    public void deactivation() {
        Counter.builder("wastetrace.webhook.deactivations")
                .description("Settings deactivated after repeated failures").register(registry).increment();
    }
}
