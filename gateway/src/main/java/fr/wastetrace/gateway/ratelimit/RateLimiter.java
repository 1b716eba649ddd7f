package fr.wastetrace.gateway.ratelimit;

import fr.wastetrace.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Sliding-window rate limits in Redis, one round trip per decision: a Lua script ({@code EVALSHA}) drops the entries
 * older than the window, counts the rest and records this request if it fits, using Redis' own clock (or the
 * {@link LimiterClock}'s, when one drives it), so that no 60-second window ever holds more than the limit, whatever the
 * number of gateway replicas.
 * <p>
 * Without an answer from Redis within {@code redis-timeout} (Redis refuses connections, or hangs: it accepts them and
 * never answers), the decision is taken without it: the per-IP limit follows {@code fail-open}, the per-operation
 * limits always refuse ({@link #decide(String, Limit, boolean)}).
 */
@ApplicationScoped
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String SCRIPT = load("/ratelimit/sliding-window.lua");
    private static final String SHA = sha1(SCRIPT);

    private final RedisAPI redis;
    private final GatewayConfig.RateLimit config;
    private final LimiterClock clock;
    private final Counter redisFailures;

    /** The outcome: allowed or not, what is left in the window, and when the window frees a slot (epoch seconds). */
    public record Decision(boolean allowed, int limit, int remaining, long resetEpochMillis, boolean degraded) {
        public long resetEpochSeconds() {
            return (resetEpochMillis + 999) / 1000;
        }

        public long retryAfterSeconds() {
            return Math.max(1, (resetEpochMillis - System.currentTimeMillis() + 999) / 1000);
        }
    }

    @Inject
    public RateLimiter(RedisAPI redis, GatewayConfig gateway, LimiterClock clock, MeterRegistry registry) {
        this.redis = redis;
        this.config = gateway.rateLimit();
        this.clock = clock;
        this.redisFailures = Counter.builder("wastetrace.gateway.ratelimit.redis.failures")
                .description("Rate-limit decisions taken without Redis").register(registry);
    }

    /** A decision of the per-IP kind: without Redis, it follows {@code fail-open}. */
    public Uni<Decision> decide(String key, Limit limit) {
        return decide(key, limit, config.failOpen());
    }

    /**
     * One decision; the answer comes within {@code redis-timeout} whatever Redis does. Without Redis, the request is
     * let through if {@code failOpen}, refused otherwise (a {@link Decision#degraded()} decision either way).
     */
    public Uni<Decision> decide(String key, Limit limit, boolean failOpen) {
        List<String> args = new ArrayList<>(List.of(SHA, "1", "wastetrace:rl:" + key,
                String.valueOf(limit.window().toMillis()), String.valueOf(limit.requests()), UUID.randomUUID().toString()));
        clock.nowMillis().ifPresent(now -> args.add(String.valueOf(now)));
        return redis.evalsha(args)
                .onFailure(failure -> failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT"))
                .recoverWithUni(() -> redis.eval(withScript(args)))
                .ifNoItem().after(config.redisTimeout()).failWith(() -> new TimeoutException(
                        "no answer from Redis within " + config.redisTimeout().toMillis() + " ms"))
                .map(response -> decision(response, limit))
                .onFailure().recoverWithItem(failure -> degraded(failure, limit, failOpen));
    }

    private static List<String> withScript(List<String> evalshaArgs) {
        List<String> args = new ArrayList<>(evalshaArgs);
        args.set(0, SCRIPT);
        return args;
    }

    private static Decision decision(Response response, Limit limit) {
        boolean allowed = response.get(0).toInteger() == 1;
        int remaining = Math.max(0, response.get(1).toInteger());
        long resetMillis = response.get(2).toLong();
        return new Decision(allowed, limit.requests(), remaining, resetMillis, false);
    }

    private Decision degraded(Throwable failure, Limit limit, boolean failOpen) {
        redisFailures.increment();
        LOG.warnf("rate limit decided without Redis (%s): requests are %s", failure.getMessage(),
                failOpen ? "let through" : "refused");
        long reset = System.currentTimeMillis() + Duration.ofSeconds(1).toMillis();
        return new Decision(failOpen, limit.requests(), failOpen ? limit.requests() : 0, reset, true);
    }

    private static String load(String resource) {
        try (InputStream in = RateLimiter.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing " + resource, e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
