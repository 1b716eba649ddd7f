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

import java.io.InputStream;
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
