package fr.wastetrace.kafka.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The defaults of a service's consumer loops ({@code wastetrace.consumers.*}; docs/operations.md, « Kafka consumers »). */
@ConfigMapping(prefix = "wastetrace.consumers")
public interface ConsumersConfig {
    /** The Kafka cluster: the service's own ({@code kafka.bootstrap.servers}) unless set. */
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();

    /** Tries of a failing record before it goes to the dead-letter topic. */
    @WithDefault("3")
    int maxTries();

    /** Pause before the second try, doubled for each next one (at most 30 s). */
    @WithDefault("200ms")
    Duration retryBackoff();

    /** A loop that has not come back to poll for this long is stuck: liveness DOWN. */
    @WithDefault("2m")
    Duration stallTimeout();

    /** When set, a loop with more records than this left to read is not ready. */
    Optional<Long> readyMaxLag();
}
