package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.Benchmark;
import fr.wastetrace.bench.core.CpuMeter;
import fr.wastetrace.bench.core.GraphqlClient;
import fr.wastetrace.bench.core.Jfr;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.data.BsddEventGenerator;
import fr.wastetrace.bench.data.DirectRoute;
import fr.wastetrace.bench.data.ReferenceData;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;
import fr.wastetrace.bench.stack.ServiceProcess;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Projection catch-up: a backlog of {@code bsdd.upserted} events on a dedicated topic, then a registry-service started
 * against it with a fresh database (its live consumer, as a new replica or a rebuild would); events/s until its
 * committed offsets reach the end. Baseline: a bare consumer reading and decoding the same backlog in the same run.
 */
public final class CatchUpBench implements Benchmark {
    private static final int PARTITIONS = 6;

    @Override
    public String id() {
        return "catchup";
    }

    @Override
    public Report run(BenchStack stack, Options options) throws Exception {
        long events = options.number("events", 1_000_000, 20_000);
        Duration limit = options.seconds("max-duration", 300, 60);
        long baselineEvents = options.number("baseline-events", 250_000, 20_000);
        boolean profile = !options.flag("no-profile");
        boolean regenerate = options.flag("regenerate");
        String run = "bench-" + System.currentTimeMillis();
        String suffix = "." + run;
        String database = "bench_catchup_" + run.substring("bench-".length());
        Report report = new Report(id(), "Projection catch-up from a backlog of BSDD events")
                .parameter("events", events).parameter("max-duration", limit.toSeconds() + "s")
                .parameter("baseline-events", baselineEvents);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka()))) {
            // The backlog is kept between runs (generating a million events is minutes of work): its topic is named
            // after its size and reused when it holds exactly that many events. Everything else is per run.
            String topic = Topics.BSD_EVENTS + KEPT_TOPIC_INFIX + events;
            long kept = regenerate ? -1 : endOffsets(admin, topic);
            long produced;
            int eventsPerForm = DirectRoute.STEPS.size();
            long expected = events / eventsPerForm * eventsPerForm;
            if (kept == expected) {
                produced = kept;
                Support.log(String.format(Locale.ROOT, "backlog: %,d events kept on %s from an earlier run", kept, topic));
                report.note("Backlog kept from an earlier run on topic " + topic + " (bench/run catchup --regenerate makes a new one).");
            } else {
                if (kept >= 0) {
                    Support.log("backlog: " + topic + " holds " + kept + " events, not " + expected + ": generating it again");
                    admin.deleteTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
                    awaitGone(admin, topic);
                }
                List<EventEnvelope> lifecycle = templates(stack);
                BsddEventGenerator generator = new BsddEventGenerator(lifecycle, ReferenceData.load(stack.root()));
                admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)
                        .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1")))).all().get(30, TimeUnit.SECONDS);
                produced = produce(stack, topic, generator, events);
            }
            if (options.flag("prepare-only")) {
                Support.log(String.format(Locale.ROOT, "prepare-only: the backlog of %,d events is ready on %s", produced, topic));
                return report.note("Prepared only (--prepare-only): no measurement.");
            }
            long baselineTarget = Math.min(baselineEvents, produced);
            double readRate = bareConsumerRate(stack, topic, baselineTarget);
            Support.log(String.format(Locale.ROOT, "baseline: a bare consumer reads and decodes %,d events at %,.0f/s", baselineTarget, readRate));

            try (Connection postgres = stack.connect("postgres"); Statement sql = postgres.createStatement()) {
                sql.execute("create database " + database);
            }
            Support.log("registry-service on " + topic + " with the fresh database " + database);
            Path log = stack.root().resolve(".run/bench/catchup-registry-service.log");
            Map<String, String> overrides = Map.of("WASTETRACE_TOPICS_SUFFIX", suffix, "WASTETRACE_REGISTRY_TOPICS_BSD_EVENTS", topic,
                    "DB_URL", stack.jdbcUrl(database), "REGISTER_LINES_RELAY_ENABLED", "false");
            double seconds;
            double steadyRate;
            long done;
            String cpuUse;
            String hot = null;
            try (ServiceProcess registry = ServiceProcess.start(stack, "registry-service", overrides, List.of(), List.of(), log)) {
                double ready = registry.awaitReady(Duration.ofMinutes(3));
                Support.log(String.format(Locale.ROOT, "  ready in %.1f s; waiting for its group to commit %,d offsets", ready, produced));
                Jfr jfr = profile ? Jfr.start(registry.pid(), stack.root().resolve(".run/bench/catchup-registry.jfr")) : null;
                CpuMeter cpu = new CpuMeter(Map.of("registry-service", registry.pid(), "postgres", stack.pid("postgres"))).start();
                String group = "registry-service" + suffix;
                long start = System.nanoTime();
                long deadline = start + limit.toNanos();
                long firstProgressNanos = 0;
                long firstProgress = 0;
                done = 0;
                long lastReport = start;
                while (done < produced && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    done = committed(admin, group, topic);
                    if (firstProgressNanos == 0 && done > 0) {
                        firstProgressNanos = System.nanoTime();
                        firstProgress = done;
                    }
                    if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
                        Support.log(String.format(Locale.ROOT, "  %,d / %,d events applied", done, produced));
                        lastReport = System.nanoTime();
                    }
                }
                long end = System.nanoTime();
                cpuUse = cpu.stop();
                if (jfr != null) {
                    hot = jfr.stopAndSummarise(8);
                }
                seconds = (end - start) / 1e9;
                steadyRate = firstProgressNanos == 0 || end == firstProgressNanos ? 0
                        : (done - firstProgress) / ((end - firstProgressNanos) / 1e9);
            } finally {
                try (Connection postgres = stack.connect("postgres"); Statement sql = postgres.createStatement()) {
                    sql.execute("drop database if exists " + database + " with (force)");
                }
                List<String> topics = admin.listTopics().names().get().stream().filter(t -> t.endsWith(suffix)).toList();
                admin.deleteTopics(topics).all().get(60, TimeUnit.SECONDS);
                admin.deleteConsumerGroups(List.of("registry-service" + suffix)).all().get(30, TimeUnit.SECONDS);
            }
            double rate = done / seconds;
            Support.log(String.format(Locale.ROOT, "  %,d events in %.1f s: %,.0f events/s (steady %,.0f/s)", done, seconds, rate, steadyRate));
            report.row("events/s, ready → caught up", Support.perSecond(rate), Support.perSecond(readRate) + " bare read + decode",
                            Support.ratio(rate / readRate), "≥ 5,000/s", Report.Verdict.of(rate >= 5000 && done == produced))
                    .row("events applied", String.format(Locale.ROOT, "%,d of %,d in %.1f s", done, produced, seconds), "", "",
                            "all", Report.Verdict.of(done == produced))
                    .info("steady rate (from the first committed offset)", Support.perSecond(steadyRate));
            report.note("Baseline: the rate of a bare consumer over the first " + String.format(Locale.ROOT, "%,d", baselineTarget)
                    + " events of the backlog (single thread, as the projection's consumer).");
            report.note("Backlog: " + produced / eventsPerForm + " forms × " + eventsPerForm
                    + " versions (DRAFT → PROCESSED), copied from the events bsd-service published for a form driven through the "
                    + "gateway, each with its own ids, a real waste code and quantity; " + PARTITIONS + " partitions, lz4-compressed batches.");
            report.note("The catching-up instance runs with the relay of its change log to Kafka off "
                    + "(REGISTER_LINES_RELAY_ENABLED=false): one replica relays, and this measures the projection alone.");
            report.note("CPU while catching up: " + cpuUse + " (100% = one core).");
            if (hot != null) {
                report.note("registry-service hot methods (JFR execution samples): " + hot);
            }
        }
        return report;
    }

    /** The kept backlog's topic: {@code wastetrace.bsd.events.bench-catchup-<events>}. */
    static final String KEPT_TOPIC_INFIX = ".bench-catchup-";

    /** The sum of the topic's end offsets; -1 when it does not exist. */
    private static long endOffsets(Admin admin, String topic) throws Exception {
        if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
            return -1;
        }
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(o -> o.offset()).sum();
    }

    private static void awaitGone(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    /** The events bsd-service publishes for one form driven along the direct route, read back from its topic. */
    private static List<EventEnvelope> templates(BenchStack stack) throws Exception {
        String topic = Topics.BSD_EVENTS;
        Properties p = consumerProperties(stack);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            RouteTraffic traffic = new RouteTraffic(stack, new GraphqlClient(GraphqlClient.newHttpClient()));
            RouteTraffic.Form form = traffic.driveOne();
            List<EventEnvelope> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (events.size() < DirectRoute.STEPS.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (form.id.equals(record.key())) {
                        events.add(EventCodec.decode(record.value()));
                    }
                }
            }
            if (events.size() < DirectRoute.STEPS.size()) {
                throw new IllegalStateException("only " + events.size() + " events of form " + form.id + " reached " + topic);
            }
            Support.log("templates: the " + events.size() + " events of form " + form.id + " ("
                    + events.stream().map(e -> e.payload().path("status").asText()).collect(Collectors.joining(" → ")) + ")");
            return events;
        }
    }

    private static long produce(BenchStack stack, String topic, BsddEventGenerator generator, long events) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        long forms = events / generator.eventsPerForm();
        long start = System.nanoTime();
        long bytes = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (long i = 0; i < forms; i++) {
                BsddEventGenerator.FormEvents form = generator.next(i);
                for (String value : form.values()) {
                    producer.send(new ProducerRecord<>(topic, form.formId(), value));
                    bytes += value.length();
                }
                if (i > 0 && i % 50_000 == 0) {
                    Support.log(String.format(Locale.ROOT, "  produced %,d events", i * generator.eventsPerForm()));
                }
            }
            producer.flush();
        }
        long produced = forms * generator.eventsPerForm();
        Support.log(String.format(Locale.ROOT, "produced %,d events (%.0f MB of JSON, %.0f B/event) in %.1f s", produced, bytes / 1e6,
                (double) bytes / produced, (System.nanoTime() - start) / 1e9));
        return produced;
    }

    private static double bareConsumerRate(BenchStack stack, String topic, long expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(stack), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long start = System.nanoTime();
            while (read < expected) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (EventCodec.decode(record.value()).version() > 0) {
                        read++;
                    }
                }
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static long committed(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static Properties consumerProperties(BenchStack stack) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return p;
    }
}
