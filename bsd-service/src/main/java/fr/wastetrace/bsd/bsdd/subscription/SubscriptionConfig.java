package fr.wastetrace.bsd.bsdd.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The {@code forms} subscription ({@code wastetrace.bsd.subscriptions.*} in application.properties). */
@ConfigMapping(prefix = "wastetrace.bsd.subscriptions")
public interface SubscriptionConfig {
    /** Whether this instance reads the BSD events topic for subscribers. */
    @WithDefault("true")
    boolean enabled();

    /** The BSD events topic (the outbox relay's). */
    String topic();

    /** Changes waiting for one subscriber; a subscriber that falls further behind is ended with an error. */
    @WithDefault("256")
    int bufferSize();

    /** Subscribers one instance serves at most. */
    @WithDefault("2000")
    int maxSubscribers();

    /** How long a subscriber's companies and roles are reused before they are read again. */
    @WithDefault("30s")
    Duration rolesRefresh();

    /** How often the topic's partitions are listed again (a topic created or grown after start-up). */
    @WithDefault("10s")
    Duration partitionsRefresh();
}
