package fr.wastetrace.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "wastetrace.gateway.rate-limit")
public interface RateLimitConfig {
    @WithDefault("true")
    boolean enabled();

    /** Requests per window and client IP, all operations together. */
    @WithDefault("1000")
    int perIp();

    @WithDefault("60s")
    Duration window();

    /**
     * Limits per GraphQL root field and client IP, e.g. {@code signup} → {@code 10/1h}. A request naming such a field
     * counts against both limits.
     */
    Map<String, String> operations();

    /**
     * What the per-IP limit does when Redis cannot be reached or does not answer within {@link #redisTimeout()}:
     * {@code true} lets requests through (and logs, and counts), {@code false} refuses them. The per-operation limits
     * refuse in that case, whatever this says.
     */
    @WithDefault("true")
    boolean failOpen();

    /** How long a decision waits for Redis before it is taken without it. */
    @WithDefault("500ms")
    Duration redisTimeout();

    /** CIDRs of the reverse proxies whose {@code X-Forwarded-For} is trusted; empty: the socket's address is the client. */
    Optional<List<String>> trustedProxies();
}
