package fr.wastetrace.gateway.config;

import fr.wastetrace.resilience.CallPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

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
}
