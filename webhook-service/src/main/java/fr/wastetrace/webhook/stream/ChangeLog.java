package fr.wastetrace.webhook.stream;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.company.WebhookSettingState;
import fr.wastetrace.webhook.bsd.BsdParties;
import fr.wastetrace.webhook.bsd.BsdTypes;
import fr.wastetrace.webhook.bsd.ChangeDecision;
import fr.wastetrace.webhook.store.Deliveries;
import fr.wastetrace.webhook.store.Targets;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns events into delivery state, a whole poll in one transaction: setting events update the settings' copy; a BSD
 * change updates the BSD's parties and queues one delivery per setting of each company concerned. The BSD's version
 * guards it: an event read again (after a crash before the offsets' commit) queues nothing twice.
 */
@ApplicationScoped
public class ChangeLog {
    private static final Logger LOG = Logger.getLogger(ChangeLog.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    BsdTypes types;

    /** @return how many deliveries were queued */
    public int apply(List<EventEnvelope> events) throws SQLException {
        return apply(events, Map.of());
    }

    /**
     * @param traceParents each event's trace context (from its Kafka record), by event id; kept with its deliveries
     * @return how many deliveries were queued
     */
    public int apply(List<EventEnvelope> events, Map<UUID, String> traceParents) throws SQLException {
        int queued = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (EventEnvelope event : events) {
                    queued += apply(c, event, traceParents.get(event.id()));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return queued;
    }

    private int apply(Connection c, EventEnvelope event, String traceParent) throws SQLException {
        if (WebhookSettingState.AGGREGATE_TYPE.equals(event.aggregateType())) {
            applySetting(c, event);
            return 0;
        }
        Optional<BsdParties> type = types.of(event.aggregateType());
        return type.isPresent() ? applyBsdChange(c, event, type.get(), traceParent) : 0;
    }

    private static void applySetting(Connection c, EventEnvelope event) throws SQLException {
        boolean deleted = WebhookSettingState.DELETED.equals(event.type());
        if (!deleted && !WebhookSettingState.UPSERTED.equals(event.type())) {
            return;
        }
        WebhookSettingState state;
        try {
            state = EventCodec.mapper().convertValue(event.payload(), WebhookSettingState.class);
        } catch (IllegalArgumentException e) {
            // It can never become valid: skipped (and said), instead of holding every later event back.
            LOG.warnf("skipping webhook setting event %s: its payload is not a WebhookSettingState (%s)", event.id(),
                    e.getMessage());
            return;
        }
        if (state.id() == null || state.companyId() == null || state.orgId() == null || state.endpointUri() == null
                || state.sealedToken() == null || state.sealedSigningSecret() == null) {
            LOG.warnf("skipping webhook setting event %s: a required property is missing", event.id());
            return;
        }
        if (Targets.apply(c, state, event.version(), deleted) && (deleted || !state.activated())) {
            int dropped = Deliveries.dropPending(c, state.id());
            if (dropped > 0) {
                LOG.infof("webhook setting %s %s: %d pending deliveries dropped", state.id(),
                        deleted ? "deleted" : "deactivated", dropped);
            }
        }
    }

    private static int applyBsdChange(Connection c, EventEnvelope event, BsdParties type, String traceParent)
            throws SQLException {
        boolean deleted = event.type().endsWith(".deleted") || event.payload().path("isDeleted").asBoolean(false);
        Optional<Deliveries.Parties> previous = Deliveries.parties(c, event.aggregateId());
        if (previous.isPresent() && previous.get().version() >= event.version()) {
            return 0;
        }
        String readableId = type.readableId(event.payload());
        if (readableId == null) {
            LOG.warnf("%s event %s has no readable id: no delivery", event.aggregateType(), event.id());
            return 0;
        }
        Set<String> current = type.orgIds(event.payload());
        Map<String, ChangeDecision.Action> actions = ChangeDecision.decide(previous.map(Deliveries.Parties::orgIds),
                current, deleted, event.version() <= 1);
        Deliveries.saveParties(c, event.aggregateId(), event.aggregateType(), readableId, current, event.version(),
                deleted);
        int queued = 0;
        for (Map.Entry<String, ChangeDecision.Action> entry : actions.entrySet()) {
            for (String settingId : Targets.deliverableFor(c, entry.getKey())) {
                Deliveries.enqueue(c, deliveryId(event.id(), settingId), settingId, event.aggregateId(), readableId,
                        entry.getValue().name(), event.occurredAt(), traceParent);
                queued++;
            }
        }
        return queued;
    }

    /** The same delivery id for the same event and setting, whoever reads the event and however often. */
    static UUID deliveryId(UUID eventId, String settingId) {
        return UUID.nameUUIDFromBytes((eventId + "/" + settingId).getBytes(StandardCharsets.UTF_8));
    }
}
