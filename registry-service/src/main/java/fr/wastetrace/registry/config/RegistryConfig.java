package fr.wastetrace.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** registry-service's settings ({@code wastetrace.registry.*} in application.properties). */
@ConfigMapping(prefix = "wastetrace.registry")
public interface RegistryConfig {

    /** The Kafka cluster: the service's own ({@code kafka.bootstrap.servers}) unless set. */
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();

    /**
     * The database password, Quarkus' own {@code quarkus.datasource.password}, which Agroal treats as optional: mapped
     * here so that without it (no default in production: {@code DB_PASSWORD}) the service refuses to start and names it,
     * instead of trying the database without a password.
     */
    @WithDefault("${quarkus.datasource.password}")
    String databasePassword();

    Topics topics();

    Consumer consumer();

    Download download();

    Relay relay();

    interface Topics {
        /** BSD events (input). */
        String bsdEvents();

        /** Company events (input: who may read which register). */
        String companyEvents();

        /** Register lines (output, for the national registry's Kafka consumers). */
        String registerLines();
    }

    interface Consumer {
        /** Start the projection's consumer with the service (off only for the rebuild command). */
        @WithDefault("true")
        boolean enabled();

        String groupId();

        /** Static membership ({@code group.instance.id}): the pod's name, so that a restart does not rebalance. */
        Optional<String> instanceId();

        /** Attempts to apply one event before it goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        /** Pause between attempts; doubles each time. */
        @WithDefault("200ms")
        Duration retryBackoff();
    }

    interface Download {
        /** Public address of the gateway, which serves {@code GET /download?token=...}. */
        String publicUrl();

        /** Lifetime of a download link. */
        @WithDefault("10s")
        Duration ttl();

        /** Lines read per keyset page while writing a file. */
        @WithDefault("1000")
        int pageSize();
    }

    interface Relay {
        /** Relay the change log to the register-lines topic. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("500")
        int batchSize();

        @WithDefault("250ms")
        Duration interval();
    }
}
