package fr.wastetrace.webhook.company;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.identity.IdentityConfig;
import fr.wastetrace.resilience.GuardedPeer;
import fr.wastetrace.webhook.config.WebhookConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;

/**
 * company-service's internal endpoint that deactivates a setting after repeated failures. It deactivates only the
 * version of the setting this service saw failing (an administrator's change in between wins), and publishes the
 * change as usual: this service's copy learns of it from the event stream, like of any other change.
 *
 * <p>The call has a timeout and goes through company-service's circuit breaker
 * ({@code wastetrace.webhook.company-service-calls.*}); a deactivation is a mutation, so it is never retried here (the
 * dispatcher asks again after the next failed delivery).
 */
@ApplicationScoped
public class CompanyService {
    private static final Logger LOG = Logger.getLogger(CompanyService.class);

    @Inject
    WebhookConfig config;
    @Inject
    IdentityConfig identity;

    private HttpClient http;
    private IdentityCodec identities;
    private GuardedPeer peer;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(config.companyServiceCalls().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        identities = new IdentityCodec(identity.secret(), Clock.systemUTC());
        peer = new GuardedPeer("company", config.companyServiceCalls(),
                failure -> failure instanceof UncheckedIOException || failure instanceof CompanyServiceFailed);
    }

    /** @return true when company-service answered (deactivated, or already changed since that version) */
    public boolean deactivate(String settingId, long seenVersion, int failures) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.companyServiceUrl()
                        + "/internal/webhook-settings/" + settingId + "/deactivate"))
                .timeout(config.companyServiceCalls().timeout())
                .header("Content-Type", "application/json")
                .header(IdentityCodec.HEADER, identities.sign(serviceIdentity(), "company"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + seenVersion + ",\"failures\":" + failures + "}"))
                .build();
        try {
            int status = peer.write(() -> send(request));
            return status == 200 || status == 404;
        } catch (RuntimeException e) {
            LOG.warnf("company-service could not deactivate webhook setting %s: %s", settingId, e.getMessage());
            return false;
        }
    }

    private int send(HttpRequest request) {
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 500) {
                throw new CompanyServiceFailed("company-service answered " + status);
            }
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** company-service failed itself (5xx): what its breaker counts, with unreachability and timeouts. */
    static final class CompanyServiceFailed extends RuntimeException {
        CompanyServiceFailed(String message) {
            super(message);
        }
    }

    private static CallerIdentity serviceIdentity() {
        return new CallerIdentity("service:webhook-service", null, "webhook-service",
                CallerIdentity.AuthType.ANONYMOUS, null, Instant.now().plusSeconds(60));
    }
}
