package fr.wastetrace.gateway.ratelimit;

import fr.wastetrace.gateway.federation.QueryPlanner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The per-operation limits ({@code wastetrace.gateway.rate-limit.operations.<field>=<n>/<window>}), per client IP. */
@ApplicationScoped
public class OperationLimits {
    private final Map<String, Limit> limits = new HashMap<>();
    private final RateLimiter limiter;
    private final boolean enabled;

    @Inject
    public OperationLimits(RateLimitConfig config, RateLimiter limiter) {
        this.limiter = limiter;
        this.enabled = config.enabled();
        config.operations().forEach((field, text) -> limits.put(field, Limit.parse(text)));
    }

    /** The first root field of the plan whose limit this request exceeds, if any. Each limited field costs one decision. */
    public Optional<String> firstExceeded(QueryPlanner.Plan plan, String clientIp) {
        if (!enabled || limits.isEmpty()) {
            return Optional.empty();
        }
        for (var stage : plan.stages()) {
            for (QueryPlanner.SubgraphCall call : stage) {
                for (String field : call.fieldNames()) {
                    Limit limit = limits.get(field);
                    if (limit != null && !limiter.decide("op:" + field + ":" + clientIp, limit)
                            .await().atMost(Duration.ofSeconds(5)).allowed()) {
                        return Optional.of(field);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
