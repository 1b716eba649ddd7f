package fr.wastetrace.webhook.internal;

import fr.wastetrace.webhook.delivery.DeliveryMetrics;
import fr.wastetrace.webhook.delivery.Dispatcher;
import fr.wastetrace.webhook.delivery.Outcome;
import fr.wastetrace.webhook.delivery.Request;
import fr.wastetrace.webhook.delivery.Sender;
import fr.wastetrace.webhook.store.AttemptRecord;
import fr.wastetrace.webhook.store.Deliveries;
import fr.wastetrace.webhook.store.Target;
import fr.wastetrace.webhook.store.Targets;
import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What company-service asks of the delivery component for a setting's administrators (it checks who they are): the
 * last attempts of a setting, and a ping. Both read this component's copy of the setting.
 */
@Path("/internal/webhook-settings/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class InternalResource {
    private static final int MAX_ATTEMPTS_LISTED = 100;
    private static final Duration COPY_WAIT = Duration.ofSeconds(5);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Sender sender;
    @Inject
    Dispatcher dispatcher;
    @Inject
    DeliveryMetrics metrics;

    public record Attempt(Instant attemptedAt, String action, String readableId, int attempt, Integer httpStatus,
                          String outcome, int latencyMs) {
        static Attempt of(AttemptRecord record) {
            return new Attempt(record.attemptedAt(), record.action(), record.readableId(), record.attempt(),
                    record.httpStatus(), record.outcome(), record.latencyMs());
        }
    }

    @GET
    @Path("/attempts")
    public List<Attempt> attempts(@PathParam("id") String id, @QueryParam("first") @DefaultValue("20") int first)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Deliveries.lastAttempts(c, id, Math.max(1, Math.min(first, MAX_ATTEMPTS_LISTED))).stream()
                    .map(Attempt::of).toList();
        }
    }

    /**
     * Sends {@code [{"action":"PING","id":"<setting id>"}]}, signed like any delivery, once this component's copy of
     * the setting has reached {@code version} (the version company-service holds: a setting just created or changed
     * is pinged as it now is). 404 when the copy does not catch up within a few seconds.
     */
    @POST
    @Path("/ping")
    public Response ping(@PathParam("id") String id, @QueryParam("version") long version) throws SQLException,
            InterruptedException {
        Optional<Target> target = awaitCopy(id, version);
        if (target.isEmpty()) {
            return Response.status(404).build();
        }
        Target setting = target.get();
        Instant now = Instant.now();
        Request request = Request.of("PING", id, dispatcher.secrets().open(setting.sealedToken(), id),
                dispatcher.secrets().open(setting.sealedSigningSecret(), id), UUID.randomUUID(), 1, now);
        Outcome outcome = sender.post(setting.endpointUri(), request.body(), request.headers());
        metrics.attempt(outcome);
        AttemptRecord record = new AttemptRecord(id, null, "PING", id, 1, now, outcome.httpStatus(),
                outcome.kind().name(), (int) outcome.latencyMillis());
        try (Connection c = dataSource.getConnection()) {
            Deliveries.recordAttempt(c, record);
        }
        return Response.ok(Attempt.of(record)).build();
    }

    private Optional<Target> awaitCopy(String id, long version) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(COPY_WAIT);
        while (true) {
            try (Connection c = dataSource.getConnection()) {
                Optional<Target> target = Targets.find(c, id).filter(t -> t.version() >= version && !t.deleted());
                if (target.isPresent() || Instant.now().isAfter(deadline)) {
                    return target;
                }
            }
            Thread.sleep(100);
        }
    }
}
