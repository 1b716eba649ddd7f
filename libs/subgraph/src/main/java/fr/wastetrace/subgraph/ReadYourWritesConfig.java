package fr.wastetrace.subgraph;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Read-your-writes in a subgraph with a read model (defaults in this library's microprofile-config.properties). */
@ConfigMapping(prefix = "wastetrace.read-your-writes")
public interface ReadYourWritesConfig {
    /** Longest wait for the caller's own writes before the request runs as it is. */
    Duration maxWait();

    /** How often the read model's database is read meanwhile (its own consumer wakes the request sooner). */
    Duration pollInterval();
}
