package fr.wastetrace.webhook.delivery;

import fr.wastetrace.tracing.TraceContext;
import fr.wastetrace.webhook.company.CompanyService;
import fr.wastetrace.webhook.config.WebhookConfig;
import fr.wastetrace.webhook.store.AttemptRecord;
import fr.wastetrace.webhook.store.Deliveries;
import fr.wastetrace.webhook.store.PendingDelivery;
import fr.wastetrace.webhook.store.Target;
import fr.wastetrace.webhook.store.Targets;
import fr.wastetrace.webhooks.SecretBox;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends the queued deliveries. Each worker leases one endpoint whose oldest pending delivery is due (a row lease in the
 * database, so replicas share endpoints without ever delivering to one endpoint twice at a time) and sends its
 * deliveries one after the other, in the order they were queued; a failure stops the endpoint's queue until the
 * retry is due (exponential backoff, bounded in delay and attempts). More than {@code deactivation.failures} failed
 * attempts within {@code deactivation.window} deactivate the setting, as the reference does: pending deliveries are
 * dropped, and company-service is asked to deactivate it ({@link CompanyService}).
 */
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    /** Pending deliveries of one endpoint read at once. */
    private static final int BATCH = 100;

    @Inject
    Tracer tracer;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    WebhookConfig config;
    @Inject
    Sender sender;
    @Inject
    CompanyService companyService;
    @Inject
    DeliveryMetrics metrics;

    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private final String owner = "webhook-" + UUID.randomUUID();
    private volatile boolean running;
    private SecretBox secrets;
    private Backoff backoff;

    void start(@Observes StartupEvent event) {
        secrets = new SecretBox(config.secretsKey());
        backoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
        running = true;
        for (int i = 0; i < config.dispatch().workers(); i++) {
            threads.add(daemon("webhook-worker-" + i, this::work));
        }
        threads.add(daemon("webhook-housekeeping", this::housekeeping));
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        for (Thread thread : threads) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** New deliveries were queued: idle workers look at once instead of at their next poll. */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    public SecretBox secrets() {
        return secrets;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void work() {
        while (running) {
            try {
                Optional<String> endpoint = lease();
                if (endpoint.isPresent()) {
                    drain(endpoint.get());
                } else {
                    synchronized (signal) {
                        signal.wait(config.dispatch().pollInterval().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.error("webhook worker failed, retrying", e);
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private Optional<String> lease() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Targets.leaseDueEndpoint(c, owner, config.dispatch().lease());
        }
    }

    /**
     * Sends the endpoint's due deliveries in order, until its queue is empty, a failure, or shutdown: a batch of
     * pending deliveries is read at once, each success costs one statement, the lease is renewed as it ages.
     */
    private void drain(String settingId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Instant leaseRenewal = Instant.now().plus(config.dispatch().lease().dividedBy(2));
            while (running) {
                Optional<Target> target = Targets.find(c, settingId);
                List<PendingDelivery> batch = Deliveries.pending(c, settingId, BATCH);
                if (batch.isEmpty() || batch.get(0).nextAttemptAt().isAfter(Instant.now())) {
                    return;
                }
                if (target.isEmpty() || !target.get().deliverable()) {
                    metrics.finished("dropped", Deliveries.dropPending(c, settingId));
                    return;
                }
                Target setting = target.get();
                String token = secrets.open(setting.sealedToken(), settingId);
                String signingSecret = secrets.open(setting.sealedSigningSecret(), settingId);
                for (PendingDelivery delivery : batch) {
                    if (!running || !deliver(c, setting, delivery, token, signingSecret)) {
                        return;
                    }
                    if (Instant.now().isAfter(leaseRenewal)) {
                        if (!Targets.renewLease(c, settingId, owner, config.dispatch().lease())) {
                            return;
                        }
                        leaseRenewal = Instant.now().plus(config.dispatch().lease().dividedBy(2));
                    }
                }
            }
        } finally {
            try (Connection c = dataSource.getConnection()) {
                Targets.releaseLease(c, settingId, owner);
            }
        }
    }

    /** One attempt of a delivery (the head of its endpoint's queue); returns whether it was delivered. */
    private boolean deliver(Connection c, Target target, PendingDelivery delivery, String token, String signingSecret)
            throws SQLException {
        int attempt = delivery.attempts() + 1;
        Instant now = Instant.now();
        Request request = Request.of(delivery.action(), delivery.readableId(), token, signingSecret, delivery.id(),
                attempt, now);
        // The attempt's span joins the trace of the request that changed the BSD (kept with the delivery).
        Span span = tracer.spanBuilder("webhook delivery")
                .setSpanKind(SpanKind.CLIENT)
                .setParent(TraceContext.parent(delivery.traceParent()))
                .setAttribute("wastetrace.webhook.action", delivery.action())
                .setAttribute("wastetrace.webhook.attempt", attempt).startSpan();
        Outcome outcome = sender.post(target.endpointUri(), request.body(), request.headers());
        span.setAttribute("wastetrace.webhook.outcome", outcome.kind().name());
        if (outcome.httpStatus() != null) {
            span.setAttribute("http.response.status_code", outcome.httpStatus().longValue());
        }
        if (!outcome.delivered()) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
        metrics.attempt(outcome);
        AttemptRecord record = new AttemptRecord(target.settingId(), delivery.id(), delivery.action(),
                delivery.readableId(), attempt, now, outcome.httpStatus(), outcome.kind().name(),
                (int) outcome.latencyMillis());
        if (outcome.delivered()) {
            Deliveries.delivered(c, delivery.seq(), record);
            metrics.delivered(delivery.occurredAt());
            return true;
        }
        c.setAutoCommit(false);
        try {
            Deliveries.recordAttempt(c, record);
            failed(c, target, delivery, attempt, outcome);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        return false;
    }

    private void failed(Connection c, Target target, PendingDelivery delivery, int attempt, Outcome outcome)
            throws SQLException {
        Instant windowStart = Instant.now().minus(config.deactivation().window());
        Instant since = target.failuresCountedSince().isAfter(windowStart) ? target.failuresCountedSince() : windowStart;
        int failures = Deliveries.failuresSince(c, target.settingId(), since);
        LOG.infof("webhook delivery %s to setting %s failed (attempt %d, %s%s); %d failures in the window",
                delivery.id(), target.settingId(), attempt, outcome.kind(),
                outcome.httpStatus() == null ? "" : " " + outcome.httpStatus(), failures);
        if (failures > config.deactivation().failures()) {
            Targets.requestDeactivation(c, target.settingId());
            metrics.finished("dropped", Deliveries.dropPending(c, target.settingId()));
            metrics.deactivation();
            LOG.warnf("webhook setting %s deactivated: %d failed deliveries within %s", target.settingId(), failures,
                    config.deactivation().window());
        } else if (attempt >= config.retry().maxAttempts()) {
            Deliveries.markGaveUp(c, delivery.seq(), attempt);
            metrics.finished("gave_up", 1);
        } else {
            Deliveries.retryLater(c, delivery.seq(), attempt,
                    backoff.after(attempt, ThreadLocalRandom.current().nextDouble()));
        }
    }

    /** Reports deactivations to company-service until it acknowledges them; purges old deliveries. */
    private void housekeeping() {
        Instant nextPurge = Instant.now();
        while (running) {
            try {
                reportDeactivations();
                if (Instant.now().isAfter(nextPurge)) {
                    try (Connection c = dataSource.getConnection()) {
                        Deliveries.purge(c, config.dispatch().retention());
                    }
                    nextPurge = Instant.now().plus(PURGE_INTERVAL);
                }
            } catch (Exception e) {
                LOG.warn("webhook housekeeping failed, retrying", e);
            }
            pause(REPORT_INTERVAL);
        }
    }

    private void reportDeactivations() throws SQLException {
        List<Target> pending;
        try (Connection c = dataSource.getConnection()) {
            pending = Targets.unreportedDeactivations(c);
        }
        for (Target target : pending) {
            if (companyService.deactivate(target.settingId(), target.version(), config.deactivation().failures() + 1)) {
                try (Connection c = dataSource.getConnection()) {
                    Targets.markDeactivationReported(c, target.settingId(), target.version());
                }
            }
        }
    }

    private void pause(Duration duration) {
        synchronized (signal) {
            try {
                signal.wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
