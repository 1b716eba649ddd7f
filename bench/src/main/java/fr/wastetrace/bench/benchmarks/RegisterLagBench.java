package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.Benchmark;
import fr.wastetrace.bench.core.GraphqlClient;
import fr.wastetrace.bench.core.Latency;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Commit → register line visible: transitions are sent through the gateway at a fixed rate (open loop, 50 and 200 per
 * second); a watcher reads registry-service's change log ({@code register_change}, in commit order) every few
 * milliseconds. The lag of a transition runs from its mutation's answer (the BSD change is committed by then) to the
 * watcher's first sight of the form's lines at that version or later. The baseline is the floor under any
 * Kafka-borne projection: a produce → consume round trip on the same broker at the same rate.
 */
public final class RegisterLagBench implements Benchmark {
    /** Beyond this many unanswered mutations the driver skips ticks (the rate is then reported as not held). */
    private static final int MAX_IN_FLIGHT = 256;

    @Override
    public String id() {
        return "lag";
    }

    @Override
    public Report run(BenchStack stack, Options options) throws Exception {
        List<Integer> rates = Arrays.stream(options.text("rates", options.quick() ? "10,20" : "50,200").split(",")).map(Integer::parseInt).toList();
        Duration warmup = options.seconds("warmup", 5, 3);
        Duration measured = options.seconds("duration", 30, 10);
        Duration drain = options.seconds("drain", 30, 15);
        int pollMillis = options.integer("poll-ms", 5, 5);
        Report report = new Report(id(), "Commit → register line visible")
                .parameter("rates", rates).parameter("warmup", warmup.toSeconds() + "s").parameter("duration", measured.toSeconds() + "s")
                .parameter("poll-ms", pollMillis);
        RouteTraffic traffic = new RouteTraffic(stack, new GraphqlClient(GraphqlClient.newHttpClient()));
        for (int rate : rates) {
            Support.log("Kafka produce → consume baseline at " + rate + "/s");
            Latency kafka = kafkaRoundTrip(stack, rate, Duration.ofSeconds(Math.max(5, measured.toSeconds() / 3)));
            Support.log("  " + kafka.summary());
            Support.log("transitions at " + rate + "/s for " + measured.toSeconds() + " s");
            Phase phase = phase(stack, traffic, rate, warmup, measured, drain, pollMillis);
            Latency lag = Latency.of(phase.lags);
            Support.log(String.format(Locale.ROOT, "  sent %.0f/s, %d lags, %s, not seen %d, errors %d",
                    phase.achievedRate, lag.count(), lag.summary(), phase.unseen, phase.errors.get()));
            String at = " at " + rate + "/s";
            report.row("lag p50" + at, Support.ms(lag.p50()), Support.ms(kafka.p50()) + " Kafka round trip",
                            Support.ratio(lag.p50() / kafka.p50()), "≤ 300 ms", LagGoals.p50(phase.lags, phase.unseen))
                    .row("lag p99" + at, Support.ms(lag.p99()), Support.ms(kafka.p99()), Support.ratio(lag.p99() / kafka.p99()),
                            "≤ 1 s", LagGoals.p99(phase.lags, phase.unseen))
                    .row("lag max" + at, Support.ms(lag.max()), Support.ms(kafka.max()), "", "", Report.Verdict.INFO)
                    .row("transitions sent" + at, Support.perSecond(phase.achievedRate) + " (" + lag.count() + " lags measured, "
                            + phase.unseen + " not visible after " + drain.toSeconds() + " s, " + phase.errors.get() + " errors)",
                            "", "", "rate held, all visible", LagGoals.heldAndVisible(phase.achievedRate, rate, phase.unseen, phase.errors.get()));
            if (phase.firstError.get() != null) {
                report.note("First error" + at + ": " + phase.firstError.get());
            }
        }
        report.note("Lags are measured for the transitions that change register lines: signTransportForm, markAsReceived and "
                + "markAsProcessed (a form enters the registers when it is sent; the creation, sealing and emission signature are "
                + "sent at the same rate but not timed); the watcher polls every " + pollMillis + " ms, which adds up to that much.");
        report.note("Percentile goals count the transitions not visible after the drain as longer than any bound; \"all visible\" "
                + "is a goal of its own.");
        return report;
    }

    /**
     * The first step whose committed state has register lines: a BSDD enters the registers when it is sent
     * (registry-service's {@code BsddLines} gives no line before {@code sentAt}), so createForm, markAsSealed and
     * signEmissionForm commit versions that no change-log entry carries. Timing them would measure the wait for the
     * form's later signTransportForm (and leave them "never visible" when the phase ends before it).
     */
    static final int FIRST_STEP_WITH_LINES = 3;

    static boolean changesRegisterLines(int step) {
        return step >= FIRST_STEP_WITH_LINES;
    }

    private static final class Phase {
        final Histogram lags = Latency.newHistogram();
        final AtomicLong errors = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();
        /** Per form id: version → when the mutation that committed it was answered (nanoTime), not yet seen. */
        final Map<String, TreeMap<Long, Long>> pending = new HashMap<>();
        /** Per form id: the highest version already visible. */
        final Map<String, Long> visible = new HashMap<>();
        double achievedRate;
        long unseen;
        volatile long recordFrom;

        synchronized void committed(String formId, long version, long answeredNanos) {
            if (answeredNanos < recordFrom) {
                return;
            }
            if (visible.getOrDefault(formId, 0L) >= version) {
                lags.recordValue(1);   // visible before the answer reached the driver
                return;
            }
            pending.computeIfAbsent(formId, id -> new TreeMap<>()).put(version, answeredNanos);
        }

        synchronized void seen(String formId, long version, long seenNanos) {
            visible.merge(formId, version, Math::max);
            TreeMap<Long, Long> waiting = pending.get(formId);
            if (waiting == null) {
                return;
            }
            var reached = waiting.headMap(version, true);
            for (long answered : reached.values()) {
                lags.recordValue(Math.max(1, (seenNanos - answered) / 1000));
            }
            reached.clear();
            if (waiting.isEmpty()) {
                pending.remove(formId);
            }
        }

        synchronized long pendingCount() {
            return pending.values().stream().mapToLong(Map::size).sum();
        }
    }

    private Phase phase(BenchStack stack, RouteTraffic traffic, int rate, Duration warmup, Duration measured, Duration drain,
                        int pollMillis) throws Exception {
        Phase phase = new Phase();
        ConcurrentLinkedQueue<RouteTraffic.Form> ready = new ConcurrentLinkedQueue<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        try (Connection registry = stack.connect("registry")) {
            Watcher watcher = new Watcher(registry, phase, pollMillis);
            Thread watching = new Thread(watcher, "bench-register-watcher");
            watching.start();
            long start = System.nanoTime();
            phase.recordFrom = start + warmup.toNanos();
            long end = phase.recordFrom + measured.toNanos();
            ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
            ticks.scheduleAtFixedRate(() -> {
                if (System.nanoTime() >= end || inFlight.get() >= MAX_IN_FLIGHT) {
                    return;
                }
                RouteTraffic.Form form = ready.poll();
                if (form == null) {
                    form = traffic.newForm();
                }
                inFlight.incrementAndGet();
                if (System.nanoTime() >= phase.recordFrom) {
                    sent.incrementAndGet();
                }
                traffic.send(form).whenComplete((completion, failure) -> {
                    inFlight.decrementAndGet();
                    if (failure != null || !completion.ok()) {
                        phase.errors.incrementAndGet();
                        phase.firstError.compareAndSet(null, failure != null ? failure.toString() : completion.error());
                        return;
                    }
                    if (changesRegisterLines(completion.step())) {
                        phase.committed(completion.form().id, completion.version(), completion.doneNanos());
                    }
                    if (!completion.form().done()) {
                        ready.add(completion.form());
                    }
                });
            }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
            Thread.sleep(Duration.ofNanos(end - System.nanoTime()).toMillis());
            ticks.shutdown();
            ticks.awaitTermination(1, TimeUnit.MINUTES);
            phase.achievedRate = sent.get() / (measured.toNanos() / 1e9);
            long drainUntil = System.nanoTime() + drain.toNanos();
            while ((inFlight.get() > 0 || phase.pendingCount() > 0) && System.nanoTime() < drainUntil) {
                Thread.sleep(100);
            }
            phase.unseen = phase.pendingCount();
            watcher.stop();
            watching.join();
            if (watcher.failure.get() != null) {
                throw new IllegalStateException("the register watcher failed", watcher.failure.get());
            }
        }
        return phase;
    }

    /** Reads the change log from the current end, in sequence (commit) order. */
    private static final class Watcher implements Runnable {
        private final Connection registry;
        private final Phase phase;
        private final int pollMillis;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private volatile boolean stopping;

        Watcher(Connection registry, Phase phase, int pollMillis) {
            this.registry = registry;
            this.phase = phase;
            this.pollMillis = pollMillis;
        }

        void stop() {
            stopping = true;
        }

        @Override
        public void run() {
            try (PreparedStatement last = registry.prepareStatement("select coalesce(max(seq), 0) from register_change");
                 PreparedStatement next = registry.prepareStatement(
                         "select seq, bsd_id, version from register_change where seq > ? order by seq")) {
                long cursor;
                try (ResultSet rows = last.executeQuery()) {
                    rows.next();
                    cursor = rows.getLong(1);
                }
                while (!stopping) {
                    next.setLong(1, cursor);
                    try (ResultSet rows = next.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            cursor = rows.getLong(1);
                            phase.seen(rows.getString(2), rows.getLong(3), now);
                        }
                    }
                    Thread.sleep(pollMillis);
                }
            } catch (Exception e) {
                failure.set(e);
            }
        }
    }

    /** Produce → consume latency on the stack's broker at {@code rate} messages/s, with event-sized records. */
    static Latency kafkaRoundTrip(BenchStack stack, int rate, Duration duration) throws Exception {
        String topic = "wastetrace.bench.kafka-latency." + System.currentTimeMillis();
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        consumerProps.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        Histogram histogram = Latency.newHistogram();
        String padding = "x".repeat(4_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "warm-up", "0")).get();
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            long count = duration.toSeconds() * rate;
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            long received = 0;
            long next = 0;
            long deadline = start + duration.toNanos() + Duration.ofSeconds(10).toNanos();
            while (received < count && System.nanoTime() < deadline) {
                while (next < count && System.nanoTime() >= start + next * interval) {
                    producer.send(new ProducerRecord<>(topic, "k" + next, System.nanoTime() + ";" + padding));
                    next++;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(1))) {
                    long sentAt = Long.parseLong(record.value().substring(0, record.value().indexOf(';')));
                    histogram.recordValue(Math.max(1, (System.nanoTime() - sentAt) / 1000));
                    received++;
                }
            }
        }
        try (var admin = Admin.create(Map.of("bootstrap.servers", stack.kafka()))) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
        return Latency.of(histogram);
    }
}
