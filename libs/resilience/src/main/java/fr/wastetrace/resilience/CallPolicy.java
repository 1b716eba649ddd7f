package fr.wastetrace.resilience;

import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How the calls to one peer (another service, Keycloak) are guarded: a group of a service's {@code @ConfigMapping}, so
 * that every value is a setting (defaults here, documented in the service's application.properties).
 */
public interface CallPolicy {
    /** Longest wait for one attempt's answer; past it the attempt fails (and counts against the breaker). */
    Duration timeout();

    Retry retry();

    CircuitBreaker circuitBreaker();

    /** Reads only: a mutation is never sent twice. */
    interface Retry {
        /** Attempts after the first, when the peer failed or did not answer in time. */
        @WithDefault("2")
        int maxRetries();

        /** Pause before each further attempt. */
        @WithDefault("200ms")
        Duration delay();

        /** Random variation of the pause, so that many callers do not retry in step. */
        @WithDefault("100ms")
        Duration jitter();
    }

    /** Stops calling a peer that keeps failing: its callers get an immediate error instead of waiting for it. */
    interface CircuitBreaker {
        /** The last calls the failure ratio is computed over (the breaker never opens before this many). */
        @WithDefault("20")
        int requestVolumeThreshold();

        /** Share of failed calls among them that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before it lets trial calls through. */
        @WithDefault("10s")
        Duration delay();

        /** Successful trial calls that close it again (one failure reopens it). */
        @WithDefault("1")
        int successThreshold();
    }
}
