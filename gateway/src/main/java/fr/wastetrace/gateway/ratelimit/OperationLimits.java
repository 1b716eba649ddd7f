package fr.wastetrace.gateway.ratelimit;

import fr.wastetrace.gateway.config.GatewayConfig;
import fr.wastetrace.gateway.federation.QueryPlanner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-operation limits ({@code wastetrace.gateway.rate-limit.operations.<field>=<n>/<window>}), per client IP.
 * They protect what an attacker would repeat (accounts, tokens, invitations), so they fail closed: when Redis refuses
 * connections or hangs, a request naming a limited field is refused, even though the per-IP limit lets it through.
 */
@ApplicationScoped
public class OperationLimits {
    private final Map<String, Limit> limits = new HashMap<>();
    private final RateLimiter limiter;
    private final boolean enabled;
    private final Duration backstop;

    /** A limited field this request may not call now; {@code unavailable} when Redis could not decide. */
    public record Refusal(String field, boolean unavailable) {
        /** The French message of the {@code TOO_MANY_REQUESTS} error. */
        public String message() {
            return unavailable
                    ? "Le nombre d'appels à « " + field + " » ne peut pas être vérifié pour l'instant : réessayez dans "
                    + "quelques minutes."
                    : "Trop d'appels à « " + field + " » depuis cette adresse IP : réessayez plus tard.";
        }
    }

    @Inject
    public OperationLimits(GatewayConfig gateway, RateLimiter limiter) {
        GatewayConfig.RateLimit config = gateway.rateLimit();
        this.limiter = limiter;
        this.enabled = config.enabled();
        this.backstop = config.redisTimeout().plusSeconds(1);
        config.operations().forEach((field, text) -> limits.put(field, Limit.parse(text)));
    }

    /** The first root field of the plan whose limit this request exceeds, if any. Each limited field costs one decision. */
    public Optional<Refusal> firstExceeded(QueryPlanner.Plan plan, String clientIp) {
        if (!enabled || limits.isEmpty()) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        for (var stage : plan.stages()) {
            for (QueryPlanner.SubgraphCall call : stage) {
                fields.addAll(call.fieldNames());
            }
        }
        return firstExceeded(fields, clientIp);
    }

    /** The first of these root fields whose limit this request exceeds, if any, failing closed without Redis. */
    public Optional<Refusal> firstExceeded(List<String> fields, String clientIp) {
        if (!enabled) {
            return Optional.empty();
        }
        for (String field : fields) {
            Limit limit = limits.get(field);
            if (limit == null) {
                continue;
            }
            RateLimiter.Decision decision;
            try {
                decision = limiter.decide("op:" + field + ":" + clientIp, limit, false).await().atMost(backstop);
            } catch (RuntimeException noDecision) {
                return Optional.of(new Refusal(field, true));
            }
            if (!decision.allowed()) {
                return Optional.of(new Refusal(field, decision.degraded()));
            }
        }
        return Optional.empty();
    }
}
