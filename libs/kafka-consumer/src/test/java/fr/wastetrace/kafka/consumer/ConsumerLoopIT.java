package fr.wastetrace.kafka.consumer;

import fr.wastetrace.testing.Stack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop on the stack's real Kafka: poison, a handler that fails forever, a rebalance, a dead and a stuck loop. */
class ConsumerLoopIT {
    private String bootstrap;
    private String topic;
    private Admin admin;
    private KafkaProducer<String, String> producer;
    private final List<ConsumerLoop> loops = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        bootstrap = Stack.ensureBacking().get("KAFKA_BOOTSTRAP_SERVERS");
        topic = "wastetrace.test.consumer-loop." + UUID.randomUUID().toString().substring(0, 8);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get(30, TimeUnit.SECONDS);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    @AfterEach
    void tearDown() {
        loops.forEach(ConsumerLoop::stop);
        producer.close();
        try {
            admin.deleteTopics(List.of(topic, DeadLetters.topicOf(topic))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the dead-letter topic may not exist
        }
        admin.close();
    }

    private ConsumerLoop.Builder loop(String name, String group, RecordHandler handler) {
        return ConsumerLoop.builder(name)
                .subscribe(group, topic)
                .property(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)
                .property(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50)
                .retryBackoff(Duration.ofMillis(100))
                .pollTimeout(Duration.ofMillis(200))
                .deadLetters(DeadLetters.topic(producer))
                .handler(handler);
    }

    private ConsumerLoop started(ConsumerLoop.Builder builder) {
        ConsumerLoop loop = builder.build();
        loops.add(loop);
        return loop.start();
    }

    private void send(int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + (i % 40), "v" + i));
        }
        producer.flush();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAfterThreeTriesWhileTheOthersAreHandled() throws Exception {
        send(0, 150);
        ProducerRecord<String, String> poison = new ProducerRecord<>(topic, "k7", "poison");
        poison.headers().add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        var poisonMetadata = producer.send(poison).get();
        send(150, 300);
        Set<String> handled = ConcurrentHashMap.newKeySet();
        AtomicInteger poisonTries = new AtomicInteger();
        String group = "g-" + topic;
        ConsumerLoop loop = started(loop("poison", group, record -> {
            if (record.value().equals("poison")) {
                poisonTries.incrementAndGet();
                throw new IllegalArgumentException("cannot apply " + record.value());
            }
            handled.add(record.value());
        }));

        List<ConsumerRecord<String, String>> parked = readAll(DeadLetters.topicOf(topic), 1, Duration.ofSeconds(60));
        await(() -> handled.size() == 300, Duration.ofSeconds(60));
        assertEquals(300, handled.size(), "every other record is handled");
        assertEquals(3, poisonTries.get(), "tried three times, no more");
        assertEquals(1, parked.size());
        ConsumerRecord<String, String> dead = parked.get(0);
        assertEquals("k7", dead.key());
        assertEquals("poison", dead.value());
        assertEquals("poison", header(dead, DeadLetters.HEADER_CONSUMER));
        assertEquals(topic, header(dead, DeadLetters.HEADER_TOPIC));
        assertEquals(Integer.toString(poisonMetadata.partition()), header(dead, DeadLetters.HEADER_PARTITION));
        assertEquals(Long.toString(poisonMetadata.offset()), header(dead, DeadLetters.HEADER_OFFSET));
        assertEquals("3", header(dead, DeadLetters.HEADER_TRIES));
        assertEquals(IllegalArgumentException.class.getName(), header(dead, DeadLetters.HEADER_ERROR_CLASS));
        assertEquals("cannot apply poison", header(dead, DeadLetters.HEADER_ERROR_MESSAGE));
        assertEquals("00-abc-def-01", header(dead, "traceparent"), "the record's own headers are kept");
        await(() -> committedTotal(group) == 301, Duration.ofSeconds(30));
        assertEquals(301, committedTotal(group), "handled and parked records are committed");
        assertEquals(1, loop.status().deadLettered());
        assertEquals(3 - 1, loop.status().retried());
        assertTrue(loop.status().live());
    }

    @Test
    void aPoisonRecordThatSaysSoIsParkedAtOnce() throws Exception {
        send(0, 20);
        producer.send(new ProducerRecord<>(topic, "k1", "not json")).get();
        AtomicInteger tries = new AtomicInteger();
        started(loop("at-once", "g-" + topic, record -> {
            if (record.value().equals("not json")) {
                tries.incrementAndGet();
                throw new PoisonRecordException("malformed");
            }
        }));
        assertEquals(1, readAll(DeadLetters.topicOf(topic), 1, Duration.ofSeconds(60)).size());
        assertEquals(1, tries.get());
    }

    @Test
    void aHandlerThatThrowsForeverDoesNotStopPolling() throws Exception {
        send(0, 100);
        Set<String> handled = ConcurrentHashMap.newKeySet();
        AtomicInteger tries = new AtomicInteger();
        String group = "g-" + topic;
        // Far more tries than the test lasts, and a poll interval the old loop (retrying in place) would exceed.
        ConsumerLoop loop = started(loop("forever", group, record -> {
            if (record.value().equals("v0")) {
                tries.incrementAndGet();
                throw new IllegalStateException("always");
            }
            handled.add(record.value());
        }).maxTries(1_000_000).property(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 3000)
                .stallTimeout(Duration.ofSeconds(3)));
        await(() -> handled.size() == 100 - 1 - sameKeyAfter(0), Duration.ofSeconds(60));
        Instant until = Instant.now().plusSeconds(8);
        while (Instant.now().isBefore(until)) {
            assertTrue(loop.status().live(), "alive and polling: " + loop.status());
            Thread.sleep(200);
        }
        send(100, 200);
        await(() -> handled.size() == 200 - 1 - sameKeyAfter(0) - sameKeyBetween(100, 200, 0), Duration.ofSeconds(60));
        assertEquals(200 - 1 - sameKeyAfter(0) - sameKeyBetween(100, 200, 0), handled.size(),
                "the other partitions go on, in time");
        assertTrue(tries.get() >= 5, "still retrying, with a growing backoff: " + tries.get());
        assertEquals(ConsumerLoop.State.RUNNING, loop.status().state());
        assertTrue(loop.status().live());
    }

    /** Records after v0 on v0's partition wait behind it: those of keys on the same partition as "k0". */
    private int sameKeyAfter(int index) {
        return sameKeyBetween(index + 1, 100, index);
    }

    private int sameKeyBetween(int from, int to, int index) {
        int partition = partition("k" + (index % 40));
        int n = 0;
        for (int i = from; i < to; i++) {
            if (partition("k" + (i % 40)) == partition) {
                n++;
            }
        }
        return n;
    }

    /** The default partitioner's choice for a key, on the test topic's 4 partitions. */
    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 4;
    }

    @Test
    void twoMembersOfOneGroupShareThePartitionsAndARebalanceLosesNothing() throws Exception {
        String group = "g-" + topic;
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        Set<String> byA = ConcurrentHashMap.newKeySet();
        Set<String> byB = ConcurrentHashMap.newKeySet();
        send(0, 1000);
        ConsumerLoop a = started(loop("a", group, record -> {
            seen.computeIfAbsent(record.value(), v -> new AtomicInteger()).incrementAndGet();
            byA.add(record.value());
            Thread.sleep(2);
        }));
        await(() -> byA.size() >= 200, Duration.ofSeconds(60));
        ConsumerLoop b = started(loop("b", group, record -> {
            seen.computeIfAbsent(record.value(), v -> new AtomicInteger()).incrementAndGet();
            byB.add(record.value());
            Thread.sleep(2);
        }));
        send(1000, 2000);
        await(() -> !byB.isEmpty(), Duration.ofSeconds(60));
        a.stop();
        assertEquals(ConsumerLoop.State.STOPPED, a.status().state(), "a stop is not a failure");
        assertTrue(a.status().live());
        send(2000, 2500);
        await(() -> seen.size() == 2500, Duration.ofSeconds(90));
        assertEquals(2500, seen.size(), "every record handled");
        await(() -> committedTotal(group) == 2500, Duration.ofSeconds(30));
        assertEquals(2500, committedTotal(group), "and committed");
        long doubles = seen.values().stream().filter(n -> n.get() > 1).count();
        assertTrue(doubles <= 2 * 50 * 4, "at most the uncommitted polls of a revoked member are read again: " + doubles);
        assertFalse(byB.isEmpty());
        assertTrue(b.status().live());
    }

    @Test
    void aLoopWhoseThreadDiesIsNotLiveAndSaysWhy() throws Exception {
        send(0, 10);
        CountDownLatch polling = new CountDownLatch(1);
        ConsumerLoop loop = started(loop("dies", "g-" + topic, record -> polling.countDown()));
        assertTrue(polling.await(60, TimeUnit.SECONDS));
        assertTrue(loop.status().live());
        threadOf("consumer-dies").interrupt();
        await(() -> !loop.status().live(), Duration.ofSeconds(10));
        assertEquals(ConsumerLoop.State.FAILED, loop.status().state());
        assertFalse(loop.status().live());
        assertTrue(loop.status().lastError().contains("Interrupt"), loop.status().lastError());
    }

    @Test
    void aLoopStuckInItsHandlerIsNotLive() throws Exception {
        send(0, 10);
        CountDownLatch release = new CountDownLatch(1);
        ConsumerLoop loop = started(loop("stuck", "g-" + topic, record -> release.await())
                .stallTimeout(Duration.ofSeconds(2)));
        try {
            await(() -> loop.status().stalled(), Duration.ofSeconds(60));
            assertFalse(loop.status().live());
        } finally {
            release.countDown();
        }
        await(() -> loop.status().live(), Duration.ofSeconds(10));
        assertTrue(loop.status().live(), "back to polling, alive again");
    }

    @Test
    void aReplayReadsUpToTheEndSeenAtStartThenCompletes() throws Exception {
        send(0, 100);
        Set<String> handled = ConcurrentHashMap.newKeySet();
        ConsumerLoop replay = ConsumerLoop.builder("replay").replay(topic)
                .property(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)
                .deadLetters(DeadLetters.logOnly())
                .handler(record -> {
                    if (handled.isEmpty()) {
                        send(100, 110); // newer than the replay's end: not read
                    }
                    handled.add(record.value());
                }).build();
        replay.runHere();
        assertEquals(ConsumerLoop.State.COMPLETED, replay.state());
        assertEquals(100, handled.size());
    }

    private static Thread threadOf(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    private long committedTotal(String group) {
        Map<TopicPartition, OffsetAndMetadata> offsets;
        try {
            offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
    }

    private List<ConsumerRecord<String, String>> readAll(String from, int expected, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(from));
            Instant until = Instant.now().plus(timeout);
            while (records.size() < expected && Instant.now().isBefore(until)) {
                c.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // a little longer: nothing more is expected
            Instant settle = Instant.now().plusSeconds(2);
            while (Instant.now().isBefore(settle)) {
                c.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (!condition.getAsBoolean() && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
    }
}
