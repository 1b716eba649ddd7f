package fr.wastetrace.webhook.config;

import fr.wastetrace.resilience.CallPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of the delivery component, in one place (values and reasons: application.properties). */
@ConfigMapping(prefix = "wastetrace.webhook")
public interface WebhookConfig {
    String secretsKey();

    Topics topics();

    Consumer consumer();

    Endpoints endpoints();

    Http http();

    Retry retry();

    Deactivation deactivation();

    Dispatch dispatch();

    String companyServiceUrl();

    /** Calls to company-service's internal endpoint (a deactivation: a mutation, sent once). */
    CallPolicy companyServiceCalls();

    /**
     * The database password, Quarkus' own {@code quarkus.datasource.password}, which Agroal treats as optional: mapped
     * here so that without it (no default in production: {@code DB_PASSWORD}) the service refuses to start and names it,
     * instead of trying the database without a password.
     */
    @WithDefault("${quarkus.datasource.password}")
    String databasePassword();

    interface Topics {
        String bsdEvents();

        String companyEvents();
    }

    interface Consumer {
        String groupPrefix();

        Optional<String> instanceId();

        /** Where the BSD events' group starts when it has no offsets yet: {@code latest} except in tests. */
        String changesReset();
    }

    interface Endpoints {
        boolean allowHttp();

        boolean allowPrivateAddresses();

        Optional<List<String>> deniedNetworks();
    }

    interface Http {
        Duration connectTimeout();

        Duration readTimeout();

        int maxResponseBytes();
    }

    interface Retry {
        Duration initialBackoff();

        Duration maxBackoff();

        int maxAttempts();
    }

    interface Deactivation {
        /** Deactivated after more than this many failed attempts within {@link #window()}. */
        int failures();

        Duration window();
    }

    interface Dispatch {
        int workers();

        Duration pollInterval();

        Duration lease();

        Duration retention();
    }
}
