package fr.wastetrace.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A limiter clock the test sets (epoch milliseconds), selected by the profiles that need it
 * ({@code getEnabledAlternatives}); the limiter's script then counts on it instead of Redis' clock, in the real Redis.
 */
@Alternative
@ApplicationScoped
public class SteppedLimiterClock extends LimiterClock {
    static final AtomicLong NOW = new AtomicLong(System.currentTimeMillis());

    @Override
    public OptionalLong nowMillis() {
        return OptionalLong.of(NOW.get());
    }
}
