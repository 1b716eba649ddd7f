package fr.wastetrace.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The outbox relay of one service's database. */
@ConfigMapping(prefix = "wastetrace.outbox.relay")
public interface RelayConfig {
    /** Whether this instance takes part in the relay (it becomes active only while it holds the lease). */
    @WithDefault("true")
    boolean enabled();

    /** Short name of the relay, e.g. {@code bsd}: names the replication slot, the lease and the offsets. */
    String name();

    /** The Kafka topic the events are published to. */
    String topic();

    /** How often a standby instance tries to take the lease, and the active one checks it still holds it. */
    @WithDefault("2s")
    Duration leaseCheckInterval();

    /**
     * How long the lease outlives an instance that vanished without closing its connection (a node lost, a network
     * cut): the lease session asks PostgreSQL to probe the client this often (TCP keepalive, {@code tcp_user_timeout}),
     * and PostgreSQL ends the session, releasing the lease, once the client stopped answering for this long. A
     * process killed on a live host closes its connections at once, and its lease is free at once.
     */
    @WithDefault("10s")
    Duration leaseExpiry();

    /** Published outbox rows older than this are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** How often the engine polls the captured changes; bounds the commit-to-Kafka latency. */
    @WithDefault("25ms")
    Duration pollInterval();
}
