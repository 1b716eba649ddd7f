package fr.wastetrace.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the relay reads and writes: the service's own database and Kafka cluster, unless
 * {@code wastetrace.outbox.relay.connection.*} says otherwise. Without the database password (no default in
 * production: {@code DB_PASSWORD}) the service refuses to start.
 */
@ConfigMapping(prefix = "wastetrace.outbox.relay.connection")
public interface RelayConnections {
    @WithDefault("${quarkus.datasource.jdbc.url}")
    String jdbcUrl();

    @WithDefault("${quarkus.datasource.username}")
    String username();

    @WithDefault("${quarkus.datasource.password}")
    String password();

    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();
}
