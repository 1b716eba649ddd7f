package fr.wastetrace.company.webhook;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/** Webhook settings: the key that seals their secrets, the endpoint policy, and where the delivery component is. */
@ConfigMapping(prefix = "wastetrace.webhook")
public interface WebhookConfig {
    /** Base64 of 32 bytes, shared with webhook-service. */
    String secretsKey();

    Endpoints endpoints();

    /** webhook-service's internal address (attempts and pings). */
    String deliveryServiceUrl();

    interface Endpoints {
        boolean allowHttp();

        boolean allowPrivateAddresses();

        Optional<List<String>> deniedNetworks();
    }
}
