package fr.wastetrace.gateway.config;

import fr.wastetrace.resilience.CallPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "wastetrace.gateway")
public interface GatewayConfig {
    /** Subgraph name → base URL (its GraphQL endpoint is {@code <url>/graphql}). */
    Map<String, String> subgraphs();

    /**
     * GraphQL calls to the subgraphs (one circuit breaker per subgraph; queries retried, mutations never):
     * {@code wastetrace.gateway.subgraph-calls.*}.
     */
    SubgraphCalls subgraphCalls();

    interface SubgraphCalls extends CallPolicy {
        /** Longest wait for a TCP connection to a subgraph (every call of the gateway's HTTP client). */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Whether connections to the subgraphs are kept open between GraphQL calls (HTTP/1.1 keep-alive). */
        @WithDefault("true")
        boolean keepAlive();

        /** How long an idle kept-alive connection to a subgraph stays open (whole seconds). */
        @WithDefault("60s")
        Duration keepAliveTimeout();

        /**
         * Connections to one subgraph at most (GraphQL calls; one call per connection at a time): calls beyond wait for
         * a free one. About the subgraph's own worker threads: more only queue there.
         */
        @WithDefault("32")
        int maxPoolSize();

        /** Calls waiting for a connection to one subgraph at most (-1: no limit); beyond, a call fails at once. */
        @WithDefault("-1")
        int maxWaitQueueSize();
    }

    /** File downloads streamed from the subgraphs (timeout until the answer's headers; never retried). */
    CallPolicy fileCalls();

    /** company-service's resolution of personal access tokens (a lookup: retried). */
    CallPolicy accessTokenResolverCalls();

    /** How often the composed schema is refreshed from the subgraphs' SDL once every subgraph answered. */
    @WithDefault("60s")
    Duration schemaRefreshInterval();

    /** How often composition is retried while a subgraph has never answered. */
    @WithDefault("3s")
    Duration schemaRetryInterval();

    /** Company-service's base URL, which resolves personal access tokens. */
    String accessTokenResolverUrl();

    /** How long a resolved (or unknown) personal access token is cached in Redis: bounds how late a revocation bites. */
    @WithDefault("60s")
    Duration accessTokenCacheTtl();

    /** The secret shared with the subgraphs to sign the caller identity. */
    String identitySecret();

    /** Guards on incoming operations. */
    Limits limits();

    /** Read-your-writes: a caller's own writes, awaited by its next requests on every subgraph. */
    ReadYourWrites readYourWrites();

    interface ReadYourWrites {
        /**
         * How long the positions of a user's writes are kept after its last write (then its read models are taken as
         * caught up): far beyond the event stream's usual lag, and beyond the subgraphs' bounded wait.
         */
        @WithDefault("5m")
        Duration ttl();

        /**
         * Positions kept per user, the latest written (each costs about 60 bytes of the identity header): a user who
         * writes more within the TTL no longer awaits its oldest writes, long applied by then.
         */
        @WithDefault("64")
        int maxPositions();
    }

    /** GraphQL over WebSocket (subscriptions). */
    WebSocket websocket();

    interface WebSocket {
        /** Operations one connection may have running at once. */
        @WithDefault("10")
        int maxOperationsPerConnection();

        /** How long a new connection may wait before its {@code connection_init}. */
        @WithDefault("10s")
        Duration connectionInitTimeout();

        /** How often a keep-alive is sent: {@code ping} (graphql-transport-ws) or {@code ka} (legacy graphql-ws). */
        @WithDefault("15s")
        Duration keepAlive();

        /** Bytes waiting to be written to one client at most: a client that reads slower is disconnected. */
        @WithDefault("1048576")
        int maxPendingBytes();

        /** How often the token of a running subscription is checked again (revoked, expired: the subscription ends). */
        @WithDefault("60s")
        Duration tokenRecheckInterval();

        /** Longest wait for a subgraph's WebSocket to open. */
        @WithDefault("10s")
        Duration upstreamConnectTimeout();
    }

    interface Limits {
        /** Operations in one HTTP request, batched in an array or merged as root fields. */
        @WithDefault("5")
        int maxOperations();

        /** Depth of selection sets. */
        @WithDefault("10")
        int maxDepth();

        /** Fields selected by one operation, fragments expanded. */
        @WithDefault("2000")
        int maxFields();

        /** Length of the GraphQL document, in characters. */
        @WithDefault("1000000")
        int maxQueryLength();
    }

    /** The rate limits ({@code wastetrace.gateway.rate-limit.*}; docs/operations.md#rate-limits). */
    RateLimit rateLimit();

    /** The public status page ({@code /status}): what it probes, how often, and where it keeps its samples. */
    Status status();

    interface RateLimit {
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

    interface Status {
        /** Probes off: the page shows nothing but the gateway (tests that do not care about it). */
        @WithDefault("true")
        boolean enabled();

        /** How often every component is probed: the page's state is at most this old. */
        @WithDefault("15s")
        Duration interval();

        /**
         * One uptime sample per period, for all gateway replicas together (the first replica to probe in a period records
         * it): uptime is the share of the periods of a window in which the component was up.
         */
        @WithDefault("60s")
        Duration samplePeriod();

        /** Longest wait for one probe's answer; a component that does not answer within it is down. */
        @WithDefault("3s")
        Duration probeTimeout();

        /** Prefix of the Redis keys of the samples (a hash tag, so that one script may touch all of them in a cluster). */
        @WithDefault("{wastetrace:status}")
        String redisPrefix();

        /** webhook-service's base URL (its {@code /q/health/ready} is probed). */
        String webhookServiceUrl();

        /**
         * Relay name → base URL of the instance that runs it (its {@code /q/health/ready} carries the {@code outbox-relay}
         * check). Locally the relays run inside bsd-service and company-service; in Kubernetes each is its own pod.
         */
        Map<String, String> relays();

        /** The Keycloak realm's URL (its public realm document is fetched). */
        String keycloakUrl();
    }
}
