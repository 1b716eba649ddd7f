package fr.wastetrace.webhook.config;

import io.smallrye.config.ConfigMapping;

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
