package fr.wastetrace.company.webhook;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.company.config.CompanyConfig;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.identity.IdentityConfig;
import fr.wastetrace.resilience.GuardedPeer;
import fr.wastetrace.subgraph.ApiException;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * webhook-service's internal endpoints, for the setting's administrators (checked here): its last attempts, and a
 * ping. Calls carry a platform identity signed with the shared identity secret, as the gateway's do.
 *
 * <p>Every call has a timeout and goes through webhook-service's circuit breaker
 * ({@code wastetrace.company.webhook-service-calls.*}); the attempts' list is retried, a ping (it sends a delivery)
 * never. When webhook-service is unreachable, fails (5xx), is late or its breaker is open, the API user gets
 * {@link ApiException.Unavailable}.
 */
@ApplicationScoped
public class DeliveryService {
    private static final Logger LOG = Logger.getLogger(DeliveryService.class);
    /** The audience of the identity headers for webhook-service. */
    static final String WEBHOOK_SERVICE = "webhook";

    @Inject
    WebhookConfig config;
    @Inject
    CompanyConfig company;
    @Inject
    IdentityConfig identity;

    private HttpClient http;
    private IdentityCodec identities;
    private GuardedPeer peer;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(company.webhookServiceCalls().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        identities = new IdentityCodec(identity.secret(), Clock.systemUTC());
        peer = new GuardedPeer(WEBHOOK_SERVICE, company.webhookServiceCalls(),
                failure -> failure instanceof UncheckedIOException || failure instanceof WebhookServiceFailed);
    }

    public List<WebhookDelivery> attempts(String settingId, int first) {
        JsonNode body = guarded(() -> peer.read(() -> call(HttpRequest.newBuilder(uri(settingId, "/attempts?first=" + first)).GET())))
                .orElseThrow(() -> new IllegalStateException("webhook-service has no attempts for " + settingId));
        return EventCodec.mapper().convertValue(body, new TypeReference<List<Attempt>>() {
        }).stream().map(Attempt::view).toList();
    }

    /** Empty when webhook-service does not know the setting at this version yet. */
    public Optional<WebhookDelivery> ping(String settingId, long version) {
        return guarded(() -> peer.write(() -> call(HttpRequest.newBuilder(uri(settingId, "/ping?version=" + version))
                .POST(HttpRequest.BodyPublishers.noBody()))))
                .map(body -> EventCodec.mapper().convertValue(body, Attempt.class).view());
    }

    private URI uri(String settingId, String tail) {
        return URI.create(config.deliveryServiceUrl() + "/internal/webhook-settings/" + settingId + tail);
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (UncheckedIOException | WebhookServiceFailed e) {
            LOG.warnf("webhook-service failed: %s", e.getMessage());
            throw new ApiException.Unavailable(WEBHOOK_SERVICE);
        } catch (RuntimeException e) {
            if (GuardedPeer.unavailable(e)) {
                LOG.warnf("webhook-service unavailable: %s", e);
                throw new ApiException.Unavailable(WEBHOOK_SERVICE);
            }
            throw e;
        }
    }

    /** One exchange: 200 its JSON, 404 empty; unreachable or 5xx: a fault of webhook-service (what the breaker counts). */
    private Optional<JsonNode> call(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(company.webhookServiceCalls().timeout())
                .header(IdentityCodec.HEADER, identities.sign(new CallerIdentity("service:company-service", null,
                        "company-service", CallerIdentity.AuthType.ANONYMOUS, null, Instant.now().plusSeconds(60)), WEBHOOK_SERVICE))
                .build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() >= 500) {
                throw new WebhookServiceFailed("webhook-service answered " + response.statusCode());
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("webhook-service answered " + response.statusCode());
            }
            return Optional.of(EventCodec.mapper().readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("webhook-service is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** webhook-service failed itself (5xx). */
    static final class WebhookServiceFailed extends RuntimeException {
        WebhookServiceFailed(String message) {
            super(message);
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
