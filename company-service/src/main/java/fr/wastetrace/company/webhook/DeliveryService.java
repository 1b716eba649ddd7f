package fr.wastetrace.company.webhook;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * webhook-service's internal endpoints, for the setting's administrators (checked here): its last attempts, and a
 * ping. Calls carry a platform identity signed with the shared identity secret, as the gateway's do.
 */
@ApplicationScoped
public class DeliveryService {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    WebhookConfig config;
    /** The audience of the identity headers for webhook-service. */
    static final String WEBHOOK_SERVICE = "webhook";
    @ConfigProperty(name = "wastetrace.identity.secret")
    String identitySecret;

    private HttpClient http;
    private IdentityCodec identities;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        identities = new IdentityCodec(identitySecret, Clock.systemUTC());
    }

    public List<WebhookDelivery> attempts(String settingId, int first) {
        JsonNode body = call(HttpRequest.newBuilder(uri(settingId, "/attempts?first=" + first)).GET())
                .orElseThrow(() -> new IllegalStateException("webhook-service has no attempts for " + settingId));
        return EventCodec.mapper().convertValue(body, new TypeReference<List<Attempt>>() {
        }).stream().map(Attempt::view).toList();
    }

    /** Empty when webhook-service does not know the setting at this version yet. */
    public Optional<WebhookDelivery> ping(String settingId, long version) {
        return call(HttpRequest.newBuilder(uri(settingId, "/ping?version=" + version))
                .POST(HttpRequest.BodyPublishers.noBody()))
                .map(body -> EventCodec.mapper().convertValue(body, Attempt.class).view());
    }

    private URI uri(String settingId, String tail) {
        return URI.create(config.deliveryServiceUrl() + "/internal/webhook-settings/" + settingId + tail);
    }

    private Optional<JsonNode> call(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT)
                .header(IdentityCodec.HEADER, identities.sign(new CallerIdentity("service:company-service", null,
                        "company-service", CallerIdentity.AuthType.ANONYMOUS, null, Instant.now().plusSeconds(60)), WEBHOOK_SERVICE))
                .build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("webhook-service answered " + response.statusCode());
            }
            return Optional.of(EventCodec.mapper().readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("webhook-service is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    record Attempt(Instant attemptedAt, String action, String readableId, int attempt, Integer httpStatus,
                   String outcome, int latencyMs) {
        WebhookDelivery view() {
            WebhookDelivery view = new WebhookDelivery();
            view.attemptedAt = OffsetDateTime.ofInstant(attemptedAt, ZoneOffset.UTC);
            view.action = action;
            view.readableId = readableId;
            view.attempt = attempt;
            view.httpStatus = httpStatus;
            view.outcome = outcome;
            view.latencyMs = latencyMs;
            return view;
        }
    }
}
