package fr.wastetrace.webhook.company;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.webhook.config.WebhookConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * company-service's internal endpoint that deactivates a setting after repeated failures. It deactivates only the
 * version of the setting this service saw failing (an administrator's change in between wins), and publishes the
 * change as usual: this service's copy learns of it from the event stream, like of any other change.
 */
@ApplicationScoped
public class CompanyService {
    @Inject
    WebhookConfig config;
    @ConfigProperty(name = "wastetrace.identity.secret")
    String identitySecret;

    private HttpClient http;
    private IdentityCodec identities;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        identities = new IdentityCodec(identitySecret, Clock.systemUTC());
    }

    /** @return true when company-service answered (deactivated, or already changed since that version) */
    public boolean deactivate(String settingId, long seenVersion, int failures) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.companyServiceUrl()
                        + "/internal/webhook-settings/" + settingId + "/deactivate"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(IdentityCodec.HEADER, identities.sign(serviceIdentity(), "company"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + seenVersion + ",\"failures\":" + failures + "}"))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 || status == 404;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static CallerIdentity serviceIdentity() {
        return new CallerIdentity("service:webhook-service", null, "webhook-service",
                CallerIdentity.AuthType.ANONYMOUS, null, Instant.now().plusSeconds(60));
    }
}
