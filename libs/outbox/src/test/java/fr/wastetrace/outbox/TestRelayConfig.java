package fr.wastetrace.outbox;

import java.time.Duration;

/** A relay configuration for tests: always enabled, a week's retention, polling every 25 ms. */
record TestRelayConfig(String name, String topic, Duration leaseCheckInterval) implements RelayConfig {
    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Duration leaseExpiry() {
        return Duration.ofSeconds(10);
    }

    @Override
    public Duration retention() {
        return Duration.ofDays(7);
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofMillis(25);
    }
}
