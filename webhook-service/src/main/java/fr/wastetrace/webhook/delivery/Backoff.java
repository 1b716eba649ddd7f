package fr.wastetrace.webhook.delivery;

import java.time.Duration;

/**
 * Exponential backoff with a bound: the n-th failed attempt waits {@code initial * 2^(n-1)}, at most {@code max},
 * spread by ±20 % so that endpoints failing together do not retry together.
 */
public record Backoff(Duration initial, Duration max) {

    /** @param jitter a number in [0, 1) (random in production, fixed in tests) */
    public Duration after(int failedAttempts, double jitter) {
        if (failedAttempts < 1) {
            return Duration.ZERO;
        }
        long base = initial.toMillis();
        long cap = max.toMillis();
        long delay = failedAttempts > 40 ? cap : Math.min(cap, base << Math.min(failedAttempts - 1, 40));
        double spread = 0.8 + 0.4 * jitter;
        return Duration.ofMillis(Math.min(cap, Math.round(delay * spread)));
    }
}
