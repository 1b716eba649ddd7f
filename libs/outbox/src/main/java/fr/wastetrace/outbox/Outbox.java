package fr.wastetrace.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.tracing.TraceContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Writes an event into the {@code outbox_event} table. It must run inside the transaction of the change it
 * describes: both commit together or neither does, and the relay publishes the event after the commit. The row also
 * keeps the W3C trace context of the current span ({@code trace_parent}), which the relay passes on in the Kafka
 * record's {@code traceparent} header.
 */
@ApplicationScoped
public class Outbox {
    private final AgroalDataSource dataSource;

    @Inject
    public Outbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param type          what happened, e.g. {@code bsdd.updated}
     * @param aggregateType e.g. {@code bsdd}
     * @param aggregateId   also the Kafka key: events of one aggregate stay in order
     * @param version       the aggregate's version after the change
     * @param schemaVersion version of the payload schema
     * @param payload       serialised to JSON with the platform's event mapper
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String type, String aggregateType, String aggregateId, long version, int schemaVersion,
                        Object payload) {
        // a tree (what the BSD stores give) is written as it is; converting it first would only copy it
        JsonNode tree = payload instanceof JsonNode node ? node : EventCodec.mapper().valueToTree(payload);
        return publishJson(type, aggregateType, aggregateId, version, schemaVersion, tree, tree.toString());
    }

    /**
     * {@link #publish}, with the payload's JSON text already made by the caller: a caller that writes the same state
     * elsewhere in the transaction serialises it once ({@code json} must be {@code payload.toString()}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publishJson(String type, String aggregateType, String aggregateId, long version, int schemaVersion,
                            JsonNode payload, String json) {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into outbox_event (id, type, aggregate_type, aggregate_id, version, schema_version, payload, "
                             + "trace_parent) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)")) {
            insert.setObject(1, id);
            insert.setString(2, type);
            insert.setString(3, aggregateType);
            insert.setString(4, aggregateId);
            insert.setLong(5, version);
            insert.setInt(6, schemaVersion);
            insert.setString(7, json);
            // The trace of the request that made the change: the relay carries it in the Kafka record's headers.
            insert.setString(8, TraceContext.currentTraceParent());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the outbox event", e);
        }
        return id;
    }
}
