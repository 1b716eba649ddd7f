package fr.wastetrace.outbox;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.tracing.KafkaTraceHeaders;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox to Kafka: a Debezium embedded engine reads the inserts of {@code outbox_event} through
 * logical decoding ({@code pgoutput}) and sends each event, keyed by aggregate id, to the relay's topic.
 *
 * <p><b>Exactly one active relay per database</b>, whatever the number of replicas: every instance competes for a
 * PostgreSQL advisory lock held on a dedicated session; only the holder runs the engine, the others stand by and take
 * over within {@link RelayConfig#leaseCheckInterval()} when it disappears (the lock dies with its session, at once
 * when the process dies, within {@link RelayConfig#leaseExpiry()} when its host vanished). The replication slot itself
 * refuses a second reader, which is a second line of defence; a new holder ends a reader left on the slot by the
 * previous one, so that the slot never waits for PostgreSQL to notice that reader's death.
 *
 * <p><b>At least once, in order, never lost</b>: offsets are stored in the database ({@link JdbcOffsetBackingStore})
 * and marked only after Kafka acknowledged the batch; a crash between the two re-sends events, which consumers
 * ignore by version.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** How often the relay confirms its position to PostgreSQL when the outbox is quiet. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    public enum State { DISABLED, STARTING, STANDBY, ACTIVE, FAILING, STOPPED }

    private final RelayConfig config;
    private final DatabaseAddress database;
    private final String bootstrapServers;
    private final Counter publishedCounter;
    private final Timer lagTimer;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong orphanReadersEnded = new AtomicLong();
    private final ExecutorService engineExecutor = Executors.newSingleThreadExecutor(r -> daemon(r, "outbox-relay-engine"));

    private volatile State state = State.STARTING;
    private volatile String lastError;
    private volatile Instant lastPublishedAt;
    private volatile Long lastLagMillis;
    private volatile boolean stopping;
    private Thread leaseThread;

    @Inject
    public OutboxRelay(RelayConfig config, RelayConnections connections, MeterRegistry registry) {
        this(config, connections.jdbcUrl(), connections.username(), connections.password(), connections.bootstrapServers(),
                registry);
    }

    public OutboxRelay(RelayConfig config, String jdbcUrl, String user, String password, String bootstrapServers,
                       MeterRegistry registry) {
        this.config = config;
        this.database = DatabaseAddress.parse(jdbcUrl, user, password);
        this.bootstrapServers = bootstrapServers;
        this.publishedCounter = Counter.builder("wastetrace.outbox.events.published")
                .description("Outbox events acknowledged by Kafka").tag("relay", config.name()).register(registry);
        this.lagTimer = Timer.builder("wastetrace.outbox.relay.lag")
                .description("From an outbox row's commit to Kafka's acknowledgement of its event")
                .publishPercentileHistogram().tag("relay", config.name()).register(registry);
        registry.gauge("wastetrace.outbox.relay.active", List.of(io.micrometer.core.instrument.Tag.of("relay", config.name())),
                this, relay -> relay.state == State.ACTIVE ? 1 : 0);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            state = State.DISABLED;
            return;
        }
        leaseThread = daemon(this::leaseLoop, "outbox-relay-lease");
        leaseThread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (leaseThread != null) {
            leaseThread.interrupt();
            try {
                leaseThread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        engineExecutor.shutdownNow();
        state = config.enabled() ? State.STOPPED : State.DISABLED;
    }

    public State state() {
        return state;
    }

    public long publishedCount() {
        return published.get();
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** From the commit of the last event published to Kafka's acknowledgement of it. */
    public Optional<Long> lastLagMillis() {
        return Optional.ofNullable(lastLagMillis);
    }

    public Optional<Instant> lastPublishedAt() {
        return Optional.ofNullable(lastPublishedAt);
    }

    /** The cluster-wide replication slot name: one per relay and database. */
    public String slotName() {
        String raw = ("wastetrace_" + config.name() + "_" + database.name()).toLowerCase().replaceAll("[^a-z0-9_]", "_");
        return raw.length() <= 63 ? raw : raw.substring(0, 63);
    }

    private void leaseLoop() {
        while (!stopping) {
            try (Connection lease = openLease()) {
                if (tryTakeLease(lease)) {
                    LOG.infof("outbox relay %s: lease taken, starting change capture on slot %s", config.name(), slotName());
                    endOrphanReader(lease);
                    runWhileLeaseHeld(lease);
                } else if (state != State.STANDBY) {
                    LOG.infof("outbox relay %s: another instance is active, standing by", config.name());
                    state = State.STANDBY;
                }
            } catch (Exception e) {
                if (stopping) {
                    break;
                }
                state = State.FAILING;
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.errorf(e, "outbox relay %s failed; retrying", config.name());
            }
            sleep(config.leaseCheckInterval());
        }
    }

    /**
     * The lease's own session. The lease is a session-level advisory lock, released when PostgreSQL ends the session:
     * at once when the instance's process dies on a live host (its kernel closes the connection), but only when TCP
     * gives up when the host itself vanished (hours with the default keepalive). The session therefore asks the
     * server to probe this client and to give up after {@link RelayConfig#leaseExpiry()} (keepalive idle time plus
     * three probes, and the same bound for unacknowledged data): the lease of a silent instance expires within it.
     * Package-private for the test that checks these settings.
     */
    Connection openLease() throws SQLException {
        Connection lease = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        try (Statement statement = lease.createStatement()) {
            for (Map.Entry<String, String> setting : leaseSessionSettings(config.leaseExpiry()).entrySet()) {
                statement.execute("set " + setting.getKey() + " = " + setting.getValue());
            }
        } catch (SQLException e) {
            lease.close();
            throw e;
        }
        return lease;
    }

    /** The server-side settings of the lease session for an expiry (whole seconds, at least 1 each). */
    static Map<String, String> leaseSessionSettings(Duration expiry) {
        long seconds = Math.max(4, expiry.toSeconds());
        long idle = seconds / 2;
        long interval = Math.max(1, (seconds - idle) / 3);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("tcp_keepalives_idle", Long.toString(idle));
        settings.put("tcp_keepalives_interval", Long.toString(interval));
        settings.put("tcp_keepalives_count", "3");
        settings.put("tcp_user_timeout", Long.toString(seconds * 1000));
        return settings;
    }

    /**
     * Ends the replication connection still reading this relay's slot, if any, once this instance holds the lease. It
     * can only be a leftover of the previous holder: its process died and PostgreSQL has not noticed yet (its walsender
     * would otherwise hold the slot until {@code wal_sender_timeout}, a minute by default, and Debezium would fail to
     * start on "replication slot is active"), or it lost its lease and is stopping. The lease is the authority: whoever
     * holds it may take the slot.
     */
    private void endOrphanReader(Connection lease) throws SQLException, InterruptedException {
        Integer pid = slotReader(lease);
        if (pid == null) {
            return;
        }
        LOG.warnf("outbox relay %s: slot %s is still read by backend %d, left by the previous lease holder: ending it",
                config.name(), slotName(), pid);
        try (PreparedStatement terminate = lease.prepareStatement("select pg_terminate_backend(?)")) {
            terminate.setInt(1, pid);
            terminate.execute();
        }
        Instant deadline = Instant.now().plus(config.leaseExpiry());
        while (slotReader(lease) != null && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        orphanReadersEnded.incrementAndGet();
    }

    private Integer slotReader(Connection lease) throws SQLException {
        try (PreparedStatement query = lease.prepareStatement(
                "select active_pid from pg_replication_slots where slot_name = ? and active")) {
            query.setString(1, slotName());
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? (Integer) rs.getObject(1) : null;
            }
        }
    }

    /** How many leftover readers of the slot this instance ended when it took the lease (for tests and health). */
    public long orphanReadersEnded() {
        return orphanReadersEnded.get();
    }

    private boolean tryTakeLease(Connection lease) throws SQLException {
        try (PreparedStatement lock = lease.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
            lock.setString(1, "wastetrace.outbox.relay:" + slotName());
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void runWhileLeaseHeld(Connection lease) throws Exception {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties());
             DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(Json.class)
                     .using(engineProperties())
                     .using((success, message, error) -> {
                         if (success) {
                             finished.complete(null);
                         } else {
                             finished.completeExceptionally(error != null ? error : new IllegalStateException(message));
                         }
                     })
                     .using(new DebeziumEngine.ConnectorCallback() {
                         @Override
                         public void taskStarted() {
                             state = State.ACTIVE;
                             lastError = null;
                         }
                     })
                     .notifying(new Publisher(producer))
                     .build()) {
            awaitTopic(producer);
            engineExecutor.execute(engine);
            Instant nextPurge = Instant.now();
            while (!stopping) {
                try {
                    finished.get(config.leaseCheckInterval().toMillis(), TimeUnit.MILLISECONDS);
                    throw new IllegalStateException("the change-capture engine stopped");
                } catch (TimeoutException stillRunning) {
                    if (!lease.isValid(5)) {
                        throw new IllegalStateException("lost the relay lease (database session closed)");
                    }
                    if (Instant.now().isAfter(nextPurge)) {
                        purgeOldEvents(lease);
                        nextPurge = Instant.now().plus(Duration.ofMinutes(10));
                    }
                } catch (ExecutionException failed) {
                    throw new IllegalStateException("the change-capture engine failed: " + failed.getCause().getMessage(),
                            failed.getCause());
                } catch (InterruptedException interrupted) {
                    if (!stopping) {
                        throw interrupted;
                    }
                }
            }
        }
    }

    /**
     * Learns the topic's partitions and leaders before the first event is sent (creating the topic where the broker
     * auto-creates topics), so that the first batch does not race the topic's creation. Where topics are not
     * auto-created and this one is missing, the relay fails here with a message naming the topic, and retries.
     */
    private void awaitTopic(KafkaProducer<String, String> producer) {
        try {
            int partitions = producer.partitionsFor(config.topic()).size();
            LOG.debugf("outbox relay %s: topic %s has %d partitions", config.name(), config.topic(), partitions);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the Kafka topic " + config.topic() + " is not available (create it, or let the"
                    + " broker auto-create topics): " + e.getMessage(), e);
        }
    }

    private void purgeOldEvents(Connection lease) throws SQLException {
        try (PreparedStatement delete = lease.prepareStatement(
                "delete from outbox_event where occurred_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, config.retention().toSeconds());
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.infof("outbox relay %s: purged %d published events older than %s", config.name(), deleted, config.retention());
            }
        }
    }

    /** Package-private for the test that pins the ordering settings. */
    Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.name());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // One produce request at a time per broker: with several in flight, a first request refused with a retriable
        // error (a partition the broker has not finished creating) can be overtaken by the next one, and the
        // refused events then reach the topic after later ones, or only after a relay restart (KAFKA-15591; seen
        // here as versions 3, 1, 2, 3 on a freshly created topic). Consumers must see an aggregate's events in order.
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        // Larger batches make up for the single request in flight (an event is about 4 KB of JSON).
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    private Properties engineProperties() {
        Properties p = new Properties();
        p.setProperty("name", "wastetrace-outbox-" + config.name());
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", JdbcOffsetBackingStore.class.getName());
        p.setProperty(JdbcOffsetBackingStore.URL, database.jdbcUrl());
        p.setProperty(JdbcOffsetBackingStore.USER, database.user());
        p.setProperty(JdbcOffsetBackingStore.PASSWORD, database.password());
        p.setProperty(JdbcOffsetBackingStore.STORE, slotName());
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("database.hostname", database.host());
        p.setProperty("database.port", String.valueOf(database.port()));
        p.setProperty("database.user", database.user());
        p.setProperty("database.password", database.password());
        p.setProperty("database.dbname", database.name());
        p.setProperty("topic.prefix", "wastetrace_" + config.name());
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", slotName());
        p.setProperty("publication.name", "wastetrace_outbox");
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", "public.outbox_event");
        p.setProperty("snapshot.mode", "initial");
        // Should the slot still be busy when the engine starts (a reader this instance just ended is still exiting),
        // try again every second rather than Debezium's default of every 10 s.
        p.setProperty("slot.retry.delay.ms", "1000");
        p.setProperty("slot.max.retries", String.valueOf(Math.max(6, config.leaseExpiry().toSeconds() + 5)));
        p.setProperty("poll.interval.ms", String.valueOf(config.pollInterval().toMillis()));
        // A slot only advances when the relay confirms a change it received. While this database's outbox is quiet
        // and other databases of the same server write (another service, a bulk load), the slot would stay behind:
        // PostgreSQL keeps all that WAL, and a restarted relay must decode every byte of it before it sees the next
        // event (16 GB, minutes without company events, measured on the local stack after the benchmarks' loads).
        // Every heartbeat therefore writes a logical decoding message into this database's WAL; the relay receives
        // it (an "m" event, which it does not publish) and confirms its position, so the slot follows the server.
        p.setProperty("heartbeat.interval.ms", String.valueOf(HEARTBEAT.toMillis()));
        p.setProperty("heartbeat.action.query", "SELECT pg_logical_emit_message(false, 'wastetrace-outbox-heartbeat', '')");
        p.setProperty("key.converter.schemas.enable", "false");
        p.setProperty("value.converter.schemas.enable", "false");
        return p;
    }

    /** Sends a batch, waits for Kafka's acknowledgement, and only then marks the batch's offsets as processed. */
    private final class Publisher implements DebeziumEngine.ChangeConsumer<ChangeEvent<String, String>> {
        private final KafkaProducer<String, String> producer;

        Publisher(KafkaProducer<String, String> producer) {
            this.producer = producer;
        }

        @Override
        public void handleBatch(List<ChangeEvent<String, String>> records,
                                DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer)
                throws InterruptedException {
            List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
            List<Instant> occurred = new ArrayList<>(records.size());
            for (ChangeEvent<String, String> record : records) {
                Optional<OutboxRowMapper.Row> event;
                try {
                    event = OutboxRowMapper.toRow(record.value());
                } catch (RuntimeException malformed) {
                    // A row that is not a valid event would otherwise block every event behind it: park it aside.
                    LOG.errorf(malformed, "outbox relay %s: malformed outbox row sent to %s.dlt", config.name(), config.topic());
                    sends.add(producer.send(new ProducerRecord<>(config.topic() + ".dlt", record.key(), record.value())));
                    continue;
                }
                event.ifPresent(row -> {
                    EventEnvelope e = row.event();
                    occurred.add(e.occurredAt());
                    ProducerRecord<String, String> message = new ProducerRecord<>(config.topic(), e.aggregateId(),
                            EventCodec.encode(e));
                    // The trace of the request that wrote the event, for the consumers' spans to join it.
                    KafkaTraceHeaders.inject(message.headers(), row.traceParent());
                    sends.add(producer.send(message));
                });
            }
            for (Future<RecordMetadata> send : sends) {
                try {
                    send.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Kafka refused an outbox event: " + e.getCause().getMessage(), e.getCause());
                }
            }
            for (ChangeEvent<String, String> record : records) {
                committer.markProcessed(record);
            }
            committer.markBatchFinished();
            if (!sends.isEmpty()) {
                published.addAndGet(sends.size());
                publishedCounter.increment(sends.size());
                Instant acknowledged = Instant.now();
                lastPublishedAt = acknowledged;
                for (Instant at : occurred) {
                    lagTimer.record(Duration.between(at, acknowledged));
                }
                if (!occurred.isEmpty()) {
                    lastLagMillis = Duration.between(occurred.get(occurred.size() - 1), acknowledged).toMillis();
                }
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
