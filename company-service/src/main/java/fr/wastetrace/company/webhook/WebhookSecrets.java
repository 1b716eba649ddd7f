package fr.wastetrace.company.webhook;

import fr.wastetrace.webhooks.EndpointPolicy;
import fr.wastetrace.webhooks.SecretBox;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/** The sealing key and the endpoint policy, built once; a missing or malformed key stops the service at start-up. */
@ApplicationScoped
public class WebhookSecrets {
    private final SecretBox box;
    private final EndpointPolicy policy;

    @Inject
    public WebhookSecrets(WebhookConfig config) {
        this.box = new SecretBox(config.secretsKey());
        this.policy = new EndpointPolicy(config.endpoints().allowHttp(), config.endpoints().allowPrivateAddresses(),
                config.endpoints().deniedNetworks().orElse(List.of()));
    }

    void onStart(@Observes StartupEvent event) {
        // Forces eager creation.
    }

    public SecretBox box() {
        return box;
    }

    public EndpointPolicy policy() {
        return policy;
    }
}
