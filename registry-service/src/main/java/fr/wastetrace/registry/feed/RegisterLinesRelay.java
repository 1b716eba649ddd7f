package fr.wastetrace.registry.feed;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.registry.RegisterLineChange;
import fr.wastetrace.registry.config.KafkaClients;
import fr.wastetrace.registry.config.RegistryConfig;
import fr.wastetrace.registry.projection.RunMode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Relays the change log to the register-lines topic, in order, at least once (consumers deduplicate by the envelope's
 * id, stable per change, or by its version, the change's {@code seq}). One replica relays at a time: each round
 * locks the relay's position row ({@code for update skip locked}); the others skip the round.
 */
@ApplicationScoped
public class RegisterLinesRelay {
    private static final Logger LOG = Logger.getLogger(RegisterLinesRelay.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    KafkaClients kafka;
    @Inject
    RegistryConfig config;
    @Inject
    RunMode runMode;

    private volatile boolean stopping;
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        if (config.relay().enabled() && !runMode.isRebuildCommand()) {
            thread = new Thread(this::run, "register-lines-relay");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
        }
    }

    private void run() {
        long pause = config.relay().interval().toMillis();
        while (!stopping) {
            try {
                int relayed = relayOnce();
                if (relayed < config.relay().batchSize()) {
                    Thread.sleep(pause);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.warnf("register-lines relay round failed, will retry: %s", e.toString());
                try {
                    Thread.sleep(Math.max(pause, 2000));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Relays the next batch if this replica holds the relay; returns how many changes it published. */
    int relayOnce() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Long position = lockPosition(connection);
                if (position == null) {
                    connection.rollback();
                    return 0;
                }
                List<RegisterLineChange> changes = ChangeLog.after(connection, position, config.relay().batchSize());
                List<Future<RecordMetadata>> sent = new ArrayList<>(changes.size());
                for (RegisterLineChange change : changes) {
                    sent.add(kafka.producer().send(record(change)));
                }
                for (Future<RecordMetadata> ack : sent) {
                    ack.get(30, TimeUnit.SECONDS);
                }
                if (!changes.isEmpty()) {
                    try (PreparedStatement update = connection.prepareStatement("update register_change_relay set last_seq = ? where id = 1")) {
                        update.setLong(1, changes.get(changes.size() - 1).seq());
                        update.executeUpdate();
                    }
                }
                connection.commit();
                return changes.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static Long lockPosition(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select last_seq from register_change_relay where id = 1 for update skip locked");
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getLong(1) : null;
        }
    }

    private ProducerRecord<String, String> record(RegisterLineChange change) {
        EventEnvelope envelope = new EventEnvelope(
                UUID.nameUUIDFromBytes(("register-change:" + change.seq()).getBytes(StandardCharsets.UTF_8)),
                "DELETE".equals(change.operation()) ? RegisterLineChange.DELETED : RegisterLineChange.UPSERTED,
                RegisterLineChange.AGGREGATE_TYPE, change.lineKey(), change.seq(), change.changedAt(),
                RegisterLineChange.SCHEMA_VERSION, EventCodec.mapper().valueToTree(change));
        return new ProducerRecord<>(config.topics().registerLines(), change.lineKey(), EventCodec.encode(envelope));
    }
}
