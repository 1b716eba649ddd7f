package fr.wastetrace.kafka.consumer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one Kafka poll loop of every service. One thread, one {@link KafkaConsumer}, and these rules:
 *
 * <ul>
 *   <li><b>It keeps polling while it retries.</b> A record whose handler fails is not retried in place: its partition
 *       is sought back to it and paused for the {@link RetryPolicy}'s backoff while the loop goes on polling (so the
 *       group never expels it for exceeding {@code max.poll.interval.ms}) and handling the other partitions.</li>
 *   <li><b>Poison goes to the dead-letter topic</b> ({@link DeadLetters}, {@code <topic>.dlt}) after
 *       {@link RetryPolicy#maxTries()} tries (at once for a {@link PoisonRecordException}), acknowledged before its
 *       offset is committed. A dependency that is unavailable (the database down) is waited for without limit and
 *       without counting tries: the loop is then {@linkplain Status#blocked() blocked} (not ready).</li>
 *   <li><b>It commits only what was handled</b> (or parked), after each poll and when partitions are revoked
 *       (rebalance); offsets of lost partitions are dropped. A redelivery after a rebalance or a crash is possible:
 *       handlers are idempotent.</li>
 *   <li><b>Nothing ends silently.</b> A loop whose thread ends other than by {@link #stop()} is {@link State#FAILED},
 *       logged at ERROR, and makes liveness DOWN; one whose thread does not come back to {@code poll} within the stall
 *       timeout is {@linkplain Status#stalled() stalled}, also DOWN. It never restarts itself: the orchestrator
 *       restarts the process.</li>
 * </ul>
 *
 * <p>Three ways to read: {@link Builder#subscribe group member} (partitions spread over the group, committed offsets),
 * {@link Builder#readAll every partition} of a topic outside any group (from the end of the partitions that exist at
 * start, from the beginning of those created later; nothing committed), and {@link Builder#replay a replay} of a
 * topic from its beginning up to the end offsets seen at start, after which the loop {@link State#COMPLETED completes}.
 */
public final class ConsumerLoop {
    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    public enum State { NEW, RUNNING, STOPPED, COMPLETED, FAILED }

    private enum Mode { GROUP, ALL_PARTITIONS, REPLAY }

    /**
     * @param lag     records not yet read on the loop's partitions (sum over them), -1 before it is known
     * @param blocked a dependency is unavailable and the loop waits for it (not ready, still alive)
     * @param stalled the thread has not come back to {@code poll} within the stall timeout (not alive)
     */
    public record Status(String name, State state, boolean blocked, boolean stalled, long lag, long handled,
                         long retried, long deadLettered, String lastError) {
        /** False when the loop's thread died or is stuck: liveness. */
        public boolean live() {
            return state != State.FAILED && !stalled;
        }
    }

    private final String name;
    private final Mode mode;
    private final List<String> topics;
    private final Duration refresh;
    private final Properties properties;
    private final RecordHandler handler;
    private final BatchHandler batchHandler;
    private final RetryPolicy policy;
    private final DeadLetters deadLetters;
    private final Duration pollTimeout;
    private final Duration stallTimeout;
    private final MeterRegistry meters;
    private final Consumer<ConsumerLoop> onStart;
    private final Runnable onEnd;

    private volatile State state = State.NEW;
    private volatile boolean stopping;
    private volatile boolean blocked;
    private volatile long lastPollNanos = System.nanoTime();
    private volatile String lastError;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, String> consumer;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private final List<Meter> registered = new CopyOnWriteArrayList<>();

    // Touched by the loop's thread only (rebalance callbacks run inside poll, on that thread).
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private final Map<TopicPartition, Attempt> attempts = new HashMap<>();
    private final Map<TopicPartition, Long> pausedUntilNanos = new HashMap<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private Map<TopicPartition, Long> replayEnd = Map.of();

    /** The tries counted so far for the record at {@code offset}, and its waits in a row for a dependency. */
    private record Attempt(long offset, int tries, int waits) {
    }

    private ConsumerLoop(Builder b) {
        this.name = Objects.requireNonNull(b.name);
        this.mode = Objects.requireNonNull(b.mode, "subscribe, readAll or replay");
        this.topics = List.copyOf(b.topics);
        this.refresh = b.refresh;
        this.handler = Objects.requireNonNull(b.handler, "a record handler");
        this.batchHandler = b.batchHandler;
        this.policy = b.policy;
        this.deadLetters = Objects.requireNonNull(b.deadLetters, "dead letters");
        this.pollTimeout = b.pollTimeout;
        this.stallTimeout = b.stallTimeout;
        this.meters = b.meters;
        this.onStart = b.onStart;
        this.onEnd = b.onEnd;
        Properties p = new Properties();
        p.putAll(b.properties);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, name);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        if (mode != Mode.GROUP) {
            p.remove(ConsumerConfig.GROUP_ID_CONFIG);
            p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        }
        this.properties = p;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public State state() {
        return state;
    }

    /** Starts the loop on a thread of its own ({@code consumer-<name>}). */
    public synchronized ConsumerLoop start() {
        if (state != State.NEW) {
            throw new IllegalStateException("consumer loop " + name + " was already started");
        }
        Thread t = new Thread(this::run, "consumer-" + name);
        t.setDaemon(true);
        thread = t;
        state = State.RUNNING;
        lastPollNanos = System.nanoTime();
        registerMeters();
        if (onStart != null) {
            onStart.accept(this);
        }
        t.start();
        return this;
    }

    /**
     * Runs the loop on the calling thread until it completes (a replay) or is stopped.
     *
     * @throws IllegalStateException when it failed
     */
    public void runHere() {
        synchronized (this) {
            if (state != State.NEW) {
                throw new IllegalStateException("consumer loop " + name + " was already started");
            }
            thread = Thread.currentThread();
            state = State.RUNNING;
            lastPollNanos = System.nanoTime();
        }
        run();
        if (state == State.FAILED) {
            throw new IllegalStateException("consumer loop " + name + " failed: " + lastError);
        }
    }

    /** Stops after the record being handled (its offset committed), within 30 s. */
    public void stop() {
        stopping = true;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Removes this loop's meters (when a loop of the same name replaces it). */
    public void removeMeters() {
        if (meters != null) {
            registered.forEach(meters::remove);
        }
        registered.clear();
    }

    public Status status() {
        State s = state;
        Thread t = thread;
        if (s == State.RUNNING && t != null && !t.isAlive()) {
            s = State.FAILED;
        }
        boolean stalled = s == State.RUNNING && System.nanoTime() - lastPollNanos > stallTimeout.toNanos();
        return new Status(name, s, blocked, stalled, totalLag(), handled.get(), retried.get(), deadLettered.get(), lastError);
    }

    /** The sum of the known lags of the loop's partitions, -1 before any is known. */
    public long totalLag() {
        if (lag.isEmpty()) {
            return -1;
        }
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    private void run() {
        KafkaClientMetrics clientMetrics = null;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(properties)) {
            consumer = c;
            if (stopping) {
                return;
            }
            if (meters != null) {
                // The consumer's own metrics too (kafka_consumer_fetch_manager_records_lag_max, ...).
                clientMetrics = new KafkaClientMetrics(c);
                clientMetrics.bindTo(meters);
            }
            loop(c);
            commit(c);
        } catch (WakeupException e) {
            if (!stopping) {
                fail(e);
            }
        } catch (InterruptException e) {
            if (!stopping) {
                fail(e);
            }
        } catch (Throwable e) {
            fail(e);
        } finally {
            consumer = null;
            if (clientMetrics != null) {
                clientMetrics.close();
            }
            if (state == State.RUNNING) {
                state = State.STOPPED;
            }
            lag.clear();
            if (onEnd != null) {
                try {
                    onEnd.run();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "%s: its end hook failed", name);
                }
            }
        }
    }

    private void fail(Throwable e) {
        lastError = e.toString();
        state = State.FAILED;
        LOG.errorf(e, "consumer loop %s has stopped and will not restart by itself: liveness is DOWN", name);
    }

    private void loop(KafkaConsumer<String, String> c) throws InterruptedException {
        long nextListing = 0;
        switch (mode) {
            case GROUP -> c.subscribe(topics, new Rebalance(c));
            case ALL_PARTITIONS -> {
                assignNewPartitions(c, true);
                nextListing = System.nanoTime() + refresh.toNanos();
            }
            case REPLAY -> startReplay(c);
        }
        while (!stopping) {
            lastPollNanos = System.nanoTime();
            if (mode == Mode.ALL_PARTITIONS && System.nanoTime() - nextListing > 0) {
                assignNewPartitions(c, false);
                nextListing = System.nanoTime() + refresh.toNanos();
            }
            if (mode == Mode.REPLAY && replayDone(c)) {
                state = State.COMPLETED;
                return;
            }
            if (mode != Mode.GROUP && assigned.isEmpty()) {
                Thread.sleep(pollTimeout.toMillis());
                continue;
            }
            resumeDue(c);
            ConsumerRecords<String, String> records = c.poll(pollTimeout);
            lastPollNanos = System.nanoTime();
            if (!records.isEmpty()) {
                handle(c, records);
                commit(c);
            }
            updateLag(c);
        }
    }

    private void handle(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records) throws InterruptedException {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new LinkedHashMap<>();
        List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> list = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                if (mode == Mode.REPLAY && record.offset() >= replayEnd.getOrDefault(partition, Long.MAX_VALUE)) {
                    continue;
                }
                list.add(record);
            }
            if (!list.isEmpty()) {
                byPartition.put(partition, list);
                all.addAll(list);
            }
        }
        if (all.isEmpty()) {
            return;
        }
        if (batchHandler != null && all.size() > 1 && tryBatch(all)) {
            return;
        }
        for (Map.Entry<TopicPartition, List<ConsumerRecord<String, String>>> entry : byPartition.entrySet()) {
            for (ConsumerRecord<String, String> record : entry.getValue()) {
                if (stopping || !handleOne(c, entry.getKey(), record)) {
                    if (stopping) {
                        c.seek(entry.getKey(), record.offset());
                    }
                    break;
                }
            }
        }
    }

    private boolean tryBatch(List<ConsumerRecord<String, String>> all) throws InterruptedException {
        try {
            if (!batchHandler.handleAll(all)) {
                return false;
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.debugf("%s: a batch of %d records failed (%s): handling them one by one", name, all.size(), e.toString());
            return false;
        }
        all.forEach(this::done);
        handled.addAndGet(all.size());
        blocked = false;
        return true;
    }

    /** @return true when the record is done with (handled or parked), false when its partition now waits */
    private boolean handleOne(KafkaConsumer<String, String> c, TopicPartition partition, ConsumerRecord<String, String> record)
            throws InterruptedException {
        try {
            handler.handle(record);
            done(record);
            handled.incrementAndGet();
            blocked = false;
            return true;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            Attempt previous = attempts.get(partition);
            if (previous == null || previous.offset() != record.offset()) {
                previous = new Attempt(record.offset(), 0, 0);
            }
            RetryPolicy.Decision decision = policy.decide(e, previous.tries(), previous.waits());
            lastError = e.toString();
            switch (decision.action()) {
                case DEAD_LETTER -> {
                    try {
                        deadLetters.park(name, record, e, decision.tries());
                    } catch (InterruptedException interrupted) {
                        throw interrupted;
                    } catch (Exception parkFailure) {
                        LOG.errorf("%s: could not park %s-%d@%d on the dead-letter topic, will retry it: %s", name,
                                record.topic(), record.partition(), record.offset(), parkFailure.toString());
                        attempts.put(partition, new Attempt(record.offset(), decision.tries(), previous.waits() + 1));
                        blocked = true;
                        pause(c, partition, record.offset(), policy.delay(previous.waits() + 1));
                        return false;
                    }
                    done(record);
                    deadLettered.incrementAndGet();
                    blocked = false;
                    return true;
                }
                case RETRY -> {
                    LOG.warnf("%s: try %d of %s-%d@%d failed, again in %s: %s", name, decision.tries(), record.topic(),
                            record.partition(), record.offset(), decision.delay(), e.toString());
                    attempts.put(partition, new Attempt(record.offset(), decision.tries(), 0));
                    retried.incrementAndGet();
                    pause(c, partition, record.offset(), decision.delay());
                    return false;
                }
                default -> {
                    LOG.warnf("%s: a dependency is unavailable, %s-%d@%d waits %s: %s", name, record.topic(),
                            record.partition(), record.offset(), decision.delay(), e.toString());
                    attempts.put(partition, new Attempt(record.offset(), decision.tries(), previous.waits() + 1));
                    blocked = true;
                    pause(c, partition, record.offset(), decision.delay());
                    return false;
                }
            }
        }
    }

    private void done(ConsumerRecord<String, String> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        pending.put(partition, new OffsetAndMetadata(record.offset() + 1));
        attempts.remove(partition);
    }

    private void pause(KafkaConsumer<String, String> c, TopicPartition partition, long offset, Duration delay) {
        c.seek(partition, offset);
        c.pause(List.of(partition));
        pausedUntilNanos.put(partition, System.nanoTime() + delay.toNanos());
    }

    private void resumeDue(KafkaConsumer<String, String> c) {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<TopicPartition, Long>> it = pausedUntilNanos.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<TopicPartition, Long> entry = it.next();
            if (now - entry.getValue() >= 0) {
                if (c.assignment().contains(entry.getKey())) {
                    c.resume(List.of(entry.getKey()));
                }
                it.remove();
            }
        }
    }

    private void commit(KafkaConsumer<String, String> c) {
        if (mode != Mode.GROUP) {
            pending.clear();
            return;
        }
        if (pending.isEmpty()) {
            return;
        }
        try {
            c.commitSync(Map.copyOf(pending));
            pending.clear();
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The group moved on without us (a rebalance): these records will be read again by their new owner.
            LOG.warnf("%s: offsets %s not committed, their records will be redelivered: %s", name, pending, e.toString());
            pending.clear();
        } catch (RetriableCommitFailedException | TimeoutException e) {
            LOG.warnf("%s: offsets not committed yet, will retry: %s", name, e.toString());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, String> c;

        Rebalance(KafkaConsumer<String, String> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit(c);
            forget(partitions);
            LOG.debugf("%s: revoked %s", name, partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(pending::remove);
            forget(partitions);
            LOG.warnf("%s: lost %s (their uncommitted records will be redelivered)", name, partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned.addAll(partitions);
            LOG.infof("%s: assigned %s", name, partitions);
        }
    }

    private void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            attempts.remove(partition);
            pausedUntilNanos.remove(partition);
            assigned.remove(partition);
            lag.remove(partition);
        }
    }

    private void assignNewPartitions(KafkaConsumer<String, String> c, boolean startingUp) {
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos;
            try {
                infos = c.partitionsFor(topic, Duration.ofSeconds(10));
            } catch (TimeoutException e) {
                LOG.warnf("%s: could not list the partitions of %s: %s", name, topic, e.getMessage());
                continue;
            }
            for (PartitionInfo info : infos == null ? List.<PartitionInfo>of() : infos) {
                TopicPartition partition = new TopicPartition(info.topic(), info.partition());
                if (assigned.add(partition)) {
                    added.add(partition);
                }
            }
        }
        if (added.isEmpty()) {
            return;
        }
        c.assign(assigned);
        if (startingUp) {
            c.seekToEnd(added);
        } else {
            c.seekToBeginning(added);
        }
        LOG.debugf("%s: reads %s", name, assigned);
    }

    private void startReplay(KafkaConsumer<String, String> c) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : c.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        assigned.addAll(partitions);
        c.assign(partitions);
        c.seekToBeginning(partitions);
        replayEnd = Map.copyOf(c.endOffsets(partitions));
    }

    private boolean replayDone(KafkaConsumer<String, String> c) {
        for (TopicPartition partition : assigned) {
            if (c.position(partition) < replayEnd.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    /** The replay's end offsets (fixed when it starts). */
    public Map<TopicPartition, Long> replayEnd() {
        return replayEnd;
    }

    private void updateLag(KafkaConsumer<String, String> c) {
        for (TopicPartition partition : c.assignment()) {
            OptionalLong current = c.currentLag(partition);
            if (current.isPresent()) {
                if (lag.put(partition, current.getAsLong()) == null && meters != null) {
                    registered.add(Gauge.builder("wastetrace.consumer.lag", lag, l -> l.getOrDefault(partition, 0L))
                            .description("Records not yet read by this consumer on one partition")
                            .tags("consumer", name, "topic", partition.topic(), "partition", Integer.toString(partition.partition()))
                            .strongReference(true)
                            .register(meters));
                }
            }
        }
        lag.keySet().retainAll(c.assignment());
    }

    private void registerMeters() {
        if (meters == null) {
            return;
        }
        registered.add(Gauge.builder("wastetrace.consumer.up", this, loop -> loop.status().live() && loop.state == State.RUNNING ? 1 : 0)
                .description("1 while the consumer loop polls, 0 when it died, stalled or was stopped")
                .tag("consumer", name).strongReference(true).register(meters));
        registered.add(Gauge.builder("wastetrace.consumer.lag.total", this, loop -> Math.max(0, loop.totalLag()))
                .description("Records not yet read by this consumer, all its partitions")
                .tag("consumer", name).strongReference(true).register(meters));
        registered.add(FunctionCounter.builder("wastetrace.consumer.records", handled, AtomicLong::get)
                .description("Records handled, retried or parked on the dead-letter topic by this consumer")
                .tags("consumer", name, "outcome", "handled").register(meters));
        registered.add(FunctionCounter.builder("wastetrace.consumer.records", retried, AtomicLong::get)
                .description("Records handled, retried or parked on the dead-letter topic by this consumer")
                .tags("consumer", name, "outcome", "retried").register(meters));
        registered.add(FunctionCounter.builder("wastetrace.consumer.records", deadLettered, AtomicLong::get)
                .description("Records handled, retried or parked on the dead-letter topic by this consumer")
                .tags("consumer", name, "outcome", "dead_lettered").register(meters));
    }

    /** Builds a loop; {@link ConsumerLoops#loop(String)} gives one with the service's defaults. */
    public static final class Builder {
        private final String name;
        private Mode mode;
        private final List<String> topics = new ArrayList<>();
        private Duration refresh = Duration.ofMinutes(1);
        private final Properties properties = new Properties();
        private RecordHandler handler;
        private BatchHandler batchHandler;
        private RetryPolicy policy = RetryPolicy.defaults();
        private DeadLetters deadLetters;
        private Duration pollTimeout = Duration.ofMillis(500);
        private Duration stallTimeout = Duration.ofMinutes(2);
        private MeterRegistry meters;
        private Consumer<ConsumerLoop> onStart;
        private Runnable onEnd;

        private Builder(String name) {
            this.name = name;
        }

        /** A member of consumer group {@code groupId} reading {@code topics}. */
        public Builder subscribe(String groupId, String... topics) {
            this.mode = Mode.GROUP;
            this.topics.addAll(List.of(topics));
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            return this;
        }

        /** Every partition of {@code topic}, outside any group, listing new partitions every {@code refresh}. */
        public Builder readAll(String topic, Duration refresh) {
            this.mode = Mode.ALL_PARTITIONS;
            this.topics.add(topic);
            this.refresh = refresh;
            return this;
        }

        /** {@code topic} from its beginning to the end offsets seen at start; the loop then completes. */
        public Builder replay(String topic) {
            this.mode = Mode.REPLAY;
            this.topics.add(topic);
            return this;
        }

        public Builder property(String key, Object value) {
            properties.put(key, value);
            return this;
        }

        public Builder handler(RecordHandler handler) {
            this.handler = handler;
            return this;
        }

        public Builder batchHandler(BatchHandler batchHandler) {
            this.batchHandler = batchHandler;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.policy = policy;
            return this;
        }

        public Builder maxTries(int maxTries) {
            this.policy = policy.withMaxTries(maxTries);
            return this;
        }

        public Builder retryBackoff(Duration backoff) {
            this.policy = policy.withBackoff(backoff);
            return this;
        }

        public Builder deadLetters(DeadLetters deadLetters) {
            this.deadLetters = deadLetters;
            return this;
        }

        public Builder pollTimeout(Duration pollTimeout) {
            this.pollTimeout = pollTimeout;
            return this;
        }

        public Builder stallTimeout(Duration stallTimeout) {
            this.stallTimeout = stallTimeout;
            return this;
        }

        public Builder meters(MeterRegistry meters) {
            this.meters = meters;
            return this;
        }

        /** Called when the loop starts on its own thread (registration for health). */
        public Builder onStart(Consumer<ConsumerLoop> onStart) {
            this.onStart = onStart;
            return this;
        }

        /** Called on the loop's thread when it ends, whatever the reason (after its consumer is closed). */
        public Builder onEnd(Runnable onEnd) {
            this.onEnd = onEnd;
            return this;
        }

        public ConsumerLoop build() {
            return new ConsumerLoop(this);
        }
    }
}
