package fr.wastetrace.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.OptionalLong;

/**
 * Where the rate limiter's "now" comes from. By default nowhere in the gateway: the limiter's script reads Redis' own
 * clock, so that every replica counts on one clock. A test may select an alternative that drives it, to prove what a
 * sliding window accepts over minutes without waiting for them.
 */
@ApplicationScoped
public class LimiterClock {
    /** The time (epoch milliseconds) to decide at, or empty for Redis' clock. */
    public OptionalLong nowMillis() {
        return OptionalLong.empty();
    }
}
