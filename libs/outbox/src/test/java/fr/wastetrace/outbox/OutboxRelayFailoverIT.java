package fr.wastetrace.outbox;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.Stack;
import fr.wastetrace.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two relay instances on one database (two replicas of a service): exactly one is active; when it stops, the other
 * takes over and resumes from the stored offsets, re-reading nothing and skipping nothing. A quiet relay keeps its
 * slot up with the server's WAL. Real PostgreSQL and Kafka.
 */
class OutboxRelayFailoverIT {
    private TestDatabase database;
    private String topic;
    private String bootstrap;
    private final List<OutboxRelay> relays = new ArrayList<>();

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("outbox");
        bootstrap = Stack.env().get("KAFKA_BOOTSTRAP_SERVERS");
        topic = "wastetrace.test.outbox." + database.runId();
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/outbox/V0_1__outbox.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(migration);
        }
    }

    @AfterEach
    void stopRelaysAndDropDatabase() {
        relays.forEach(relay -> relay.onStop(null));
        database.close();
    }

    @Test
    void oneActiveRelayAndAFailoverThatNeitherRereadsNorSkips() throws Exception {
        OutboxRelay first = relay();
        first.onStart(null);
        await(() -> first.state() == OutboxRelay.State.ACTIVE, "the first relay becomes active");
        OutboxRelay second = relay();
        second.onStart(null);
        await(() -> second.state() == OutboxRelay.State.STANDBY, "the second relay stands by");

        try (KafkaConsumer<String, String> consumer = consumer()) {
            insertEvents(1, 3);
            assertEquals(List.of(1L, 2L, 3L), receive(consumer, 3));
            assertEquals(OutboxRelay.State.STANDBY, second.state(), "only one relay is ever active");

            first.onStop(null);
            await(() -> second.state() == OutboxRelay.State.ACTIVE, "the second relay takes over");
            insertEvents(4, 5);
            List<Long> afterFailover = receive(consumer, 2);
            List<Long> extra = receiveFor(consumer, Duration.ofSeconds(3));
            assertEquals(List.of(4L, 5L), afterFailover, "resumes after the last published event");
            assertEquals(List.of(), extra, "nothing published twice");
        }
    }

    /**
     * The first relay runs in a process of its own, killed with SIGKILL while it is active (as {@code kill -9} of a
     * replica): the second, standing by in this process, takes the lease and resumes from the stored offsets. Events
     * the first published but whose offsets it had not stored yet may come again (the same events: consumers ignore
     * them by version); none is lost.
     */
    @Test
    void aSecondRelayTakesOverWhenTheFirstsProcessIsKilled() throws Exception {
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RelayProcess.class.getName(),
                database.jdbcUrl(), database.user(), database.password(), bootstrap, topic)
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = output.readLine();
                assertTrue(line != null, "the relay process ended before it became active");
            } while (!line.equals("state ACTIVE"));
            Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }));
            drain.setDaemon(true);
            drain.start();

            OutboxRelay second = relay();
            second.onStart(null);
            await(() -> second.state() == OutboxRelay.State.STANDBY, "the second relay stands by");
            try (KafkaConsumer<String, String> consumer = consumer()) {
                insertEvents(1, 3);
                assertEquals(List.of(1L, 2L, 3L), receive(consumer, 3));

                first.destroyForcibly();
                first.waitFor();
                await(() -> second.state() == OutboxRelay.State.ACTIVE, "the second relay takes over from the killed one");
                insertEvents(4, 5);
                List<Long> afterKill = new ArrayList<>(receive(consumer, 2));
                afterKill.addAll(receiveFor(consumer, Duration.ofSeconds(3)));
                assertTrue(afterKill.containsAll(List.of(4L, 5L)), "events after the takeover are relayed: " + afterKill);
                assertTrue(List.of(1L, 2L, 3L, 4L, 5L).containsAll(afterKill), "only these events: " + afterKill);
                assertEquals(1, afterKill.stream().filter(v -> v == 4L).count(), "event 4 once: " + afterKill);
                assertEquals(1, afterKill.stream().filter(v -> v == 5L).count(), "event 5 once: " + afterKill);
            }
        } finally {
            first.destroyForcibly();
        }
    }

    /**
     * A reader left on the slot by a previous holder that PostgreSQL has not seen die (its host vanished, or it is
     * still stopping) would keep the slot until {@code wal_sender_timeout}: the next holder of the lease ends it and
     * starts at once. Here the leftover reader is a replication connection this test opens on the slot.
     */
    @Test
    void theNextLeaseHolderEndsAReaderLeftOnTheSlot() throws Exception {
        OutboxRelay first = relay();
        first.onStart(null);
        await(() -> first.state() == OutboxRelay.State.ACTIVE, "the first relay becomes active (and creates the slot)");
        first.onStop(null);
        await(() -> slotReaderPidUnchecked() == null, "the stopped relay leaves the slot");

        Properties replication = new Properties();
        PGProperty.USER.set(replication, database.user());
        PGProperty.PASSWORD.set(replication, database.password());
        PGProperty.REPLICATION.set(replication, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(replication, "10");
        PGProperty.PREFER_QUERY_MODE.set(replication, "simple");
        Connection leftover = DriverManager.getConnection(database.jdbcUrl(), replication);
        try {
            PGReplicationStream stream = leftover.unwrap(PGConnection.class).getReplicationAPI().replicationStream()
                    .logical().withSlotName(first.slotName()).withSlotOption("proto_version", 1)
                    .withSlotOption("publication_names", "wastetrace_outbox").start();
            Integer leftoverPid = slotReaderPid();
            assertTrue(leftoverPid != null, "the slot is held by the leftover reader");

            OutboxRelay second = relay();
            second.onStart(null);
            await(() -> second.state() == OutboxRelay.State.ACTIVE, "the next holder of the lease starts on the slot");
            assertEquals(1, second.orphanReadersEnded(), "the next holder ended the leftover reader");
            assertTrue(!leftoverPid.equals(slotReaderPid()), "the slot is read by another backend now");
            try (KafkaConsumer<String, String> consumer = consumer()) {
                insertEvents(1, 2);
                assertEquals(List.of(1L, 2L), receive(consumer, 2));
            }
            assertThrows(SQLException.class, () -> {
                for (int i = 0; i < 50; i++) {
                    stream.readPending();
                    Thread.sleep(100);
                }
            }, "the leftover reader's connection was ended");
        } finally {
            try {
                leftover.close();
            } catch (SQLException alreadyEnded) {
                // expected: the server ended this connection
            }
        }
    }

    /** The lease session asks PostgreSQL to drop a silent client within the lease expiry (the bound of a takeover). */
    @Test
    void theLeaseSessionExpiresWithinTheConfiguredBound() throws Exception {
        OutboxRelay relay = relay();
        Duration expiry = new TestRelayConfig("test", topic, Duration.ofMillis(500)).leaseExpiry();
        try (Connection lease = relay.openLease(); Statement statement = lease.createStatement()) {
            Map<String, Long> settings = new java.util.HashMap<>();
            for (String name : List.of("tcp_keepalives_idle", "tcp_keepalives_interval", "tcp_keepalives_count", "tcp_user_timeout")) {
                try (ResultSet rs = statement.executeQuery("select setting::bigint from pg_settings where name = '" + name + "'")) {
                    rs.next();
                    settings.put(name, rs.getLong(1));
                }
            }
            assertTrue(settings.get("tcp_keepalives_idle") > 0, "keepalive probes on: " + settings);
            long silentFor = settings.get("tcp_keepalives_idle")
                    + settings.get("tcp_keepalives_interval") * settings.get("tcp_keepalives_count");
            assertTrue(silentFor <= expiry.toSeconds(), "a silent client is dropped within the expiry: " + settings);
            assertEquals(expiry.toMillis(), settings.get("tcp_user_timeout"), "unacknowledged data bounded too: " + settings);
        }
    }

    private Integer slotReaderPidUnchecked() {
        try {
            return slotReaderPid();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Integer slotReaderPid() throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("select active_pid from pg_replication_slots "
                     + "where database = current_database() and active")) {
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? (Integer) rs.getObject(1) : null;
            }
        }
    }

    @Test
    void aBurstOnAFreshTopicArrivesInOrderExactlyOnce() throws Exception {
        OutboxRelay relay = relay();
        relay.onStart(null);
        await(() -> relay.state() == OutboxRelay.State.ACTIVE, "the relay becomes active");
        int perAggregate = 300;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            // Three aggregates interleaved, inserted in one transaction: the relay gets them as one large batch that
            // the producer splits into several requests to a topic created a moment before.
            try (Connection connection = database.connect();
                 PreparedStatement insert = connection.prepareStatement("insert into outbox_event "
                         + "(id, type, aggregate_type, aggregate_id, version, schema_version, payload) values (?, 'test.event', 'test', ?, ?, 1, ?::jsonb)")) {
                connection.setAutoCommit(false);
                String padding = "{\"padding\": \"" + "x".repeat(2000) + "\"}";
                for (int version = 1; version <= perAggregate; version++) {
                    for (String aggregate : List.of("agg-a", "agg-b", "agg-c")) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, aggregate);
                        insert.setLong(3, version);
                        insert.setString(4, padding);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            java.util.Map<String, List<Long>> byAggregate = new java.util.TreeMap<>();
            Instant deadline = Instant.now().plusSeconds(60);
            int received = 0;
            while (received < 3 * perAggregate && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    byAggregate.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(EventCodec.decode(record.value()).version());
                    received++;
                }
            }
            List<Long> expected = java.util.stream.LongStream.rangeClosed(1, perAggregate).boxed().toList();
            assertEquals(java.util.Set.of("agg-a", "agg-b", "agg-c"), byAggregate.keySet());
            byAggregate.forEach((aggregate, versions) ->
                    assertEquals(expected, versions, aggregate + ": every version once, in order"));
            assertEquals(List.of(), receiveFor(consumer, Duration.ofSeconds(2)), "nothing published twice");
        }
    }

    /**
     * While this database's outbox is quiet, another database of the same server writes a lot of WAL (another
     * service, a bulk load): the relay's slot must follow the server, or PostgreSQL keeps that WAL and a restarted
     * relay decodes all of it before it sees its next event.
     */
    @Test
    void aQuietOutboxKeepsItsSlotUpWithWalWrittenElsewhere() throws Exception {
        OutboxRelay relay = relay();
        relay.onStart(null);
        await(() -> relay.state() == OutboxRelay.State.ACTIVE, "the relay becomes active");
        String written;
        try (TestDatabase other = TestDatabase.create("outbox-noise")) {
            try (Connection connection = other.connect(); Statement statement = connection.createStatement()) {
                statement.execute("create table noise (id bigint, filler text)");
                statement.execute("insert into noise select g, repeat('x', 200) from generate_series(1, 200000) g");
                try (ResultSet rs = statement.executeQuery("select pg_current_wal_lsn()::text")) {
                    rs.next();
                    written = rs.getString(1);
                }
            }
            Instant deadline = Instant.now().plus(OutboxRelay.HEARTBEAT.multipliedBy(6));
            long behind;
            do {
                Thread.sleep(500);
                behind = slotBehind(written);
            } while (behind > 0 && Instant.now().isBefore(deadline));
            assertEquals(0, behind, "bytes of WAL written elsewhere that the quiet relay's slot still holds back");
        }
    }

    /** How far this database's slot is behind {@code lsn}, in bytes (0 once it reached it). */
    private long slotBehind(String lsn) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("select greatest(0, pg_wal_lsn_diff(?::pg_lsn, "
                     + "confirmed_flush_lsn))::bigint from pg_replication_slots where database = current_database()")) {
            query.setString(1, lsn);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "the relay has a slot on its database");
                return rs.getLong(1);
            }
        }
    }

    private OutboxRelay relay() {
        RelayConfig config = new TestRelayConfig("test", topic, Duration.ofMillis(500));
        OutboxRelay relay = new OutboxRelay(config, database.jdbcUrl(), database.user(), database.password(), bootstrap,
                new SimpleMeterRegistry());
        relays.add(relay);
        return relay;
    }

    private void insertEvents(int fromVersion, int toVersion) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement("insert into outbox_event "
                     + "(id, type, aggregate_type, aggregate_id, version, schema_version, payload) values (?, 'test.event', 'test', 'agg-1', ?, 1, '{}')")) {
            for (int version = fromVersion; version <= toVersion; version++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setLong(2, version);
                insert.executeUpdate();
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static List<Long> receive(KafkaConsumer<String, String> consumer, int expected) {
        List<Long> versions = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        while (versions.size() < expected && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                versions.add(EventCodec.decode(record.value()).version());
            }
        }
        return versions;
    }

    private static List<Long> receiveFor(KafkaConsumer<String, String> consumer, Duration duration) {
        List<Long> versions = new ArrayList<>();
        Instant deadline = Instant.now().plus(duration);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                versions.add(EventCodec.decode(record.value()).version());
            }
        }
        return versions;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting until " + what);
            Thread.sleep(100);
        }
    }
}
