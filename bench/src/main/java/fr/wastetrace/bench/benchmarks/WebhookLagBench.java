package fr.wastetrace.bench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bench.Benchmark;
import fr.wastetrace.bench.core.GraphqlClient;
import fr.wastetrace.bench.core.Latency;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.data.DemoAccount;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.Topics;
import fr.wastetrace.testing.WebhookReceiver;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Commit → webhook delivery: the demo producer's company registers a webhook pointing at a receiver on 127.0.0.1, then
 * BSDDs go along the direct route through the gateway at a fixed rate of changes (open loop); the producer is on every
 * one, so every change is delivered. A watcher reads the BSD events topic for each change's commit time
 * ({@code occurredAt}, stamped in the change's transaction); the lag of a change runs from it to the receiver's
 * receipt of the matching delivery (the n-th delivery of a BSD is its n-th change: deliveries go in order). The
 * baseline is a produce → consume round trip on the same broker at the same rate.
 */
public final class WebhookLagBench implements Benchmark {
    private static final int MAX_IN_FLIGHT = 256;
    private static final String TOKEN = "bench-webhook-token-of-more-than-twenty-characters";

    @Override
    public String id() {
        return "webhook-lag";
    }

    @Override
    public Report run(BenchStack stack, Options options) throws Exception {
        int rate = options.integer("rate", 50, 50);
        Duration warmup = options.seconds("warmup", 5, 3);
        Duration measured = options.seconds("duration", 30, 10);
        Duration drain = options.seconds("drain", 30, 15);
        Report report = new Report(id(), "Commit → webhook delivery")
                .parameter("rate", rate + "/s").parameter("warmup", warmup.toSeconds() + "s")
                .parameter("duration", measured.toSeconds() + "s");
        GraphqlClient client = new GraphqlClient(GraphqlClient.newHttpClient());
        String producer = DemoAccount.PRODUCER.token();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String setting = register(stack, client, producer, receiver.url("/bench"));
            try {
                Support.log("Kafka produce → consume baseline at " + rate + "/s");
                Latency kafka = RegisterLagBench.kafkaRoundTrip(stack, rate, Duration.ofSeconds(Math.max(5, measured.toSeconds() / 3)));
                Support.log("  " + kafka.summary());
                Support.log("changes at " + rate + "/s for " + measured.toSeconds() + " s");
                Phase phase = phase(stack, new RouteTraffic(stack, client), receiver, rate, warmup, measured, drain);
                Latency lag = Latency.of(phase.lags);
                Support.log(String.format(Locale.ROOT, "  sent %.0f/s, %d lags, %s, not delivered %d, errors %d",
                        phase.achievedRate, lag.count(), lag.summary(), phase.undelivered, phase.errors.get()));
                String at = " at " + rate + "/s";
                report.row("lag p50" + at, Support.ms(lag.p50()), Support.ms(kafka.p50()) + " Kafka round trip",
                                Support.ratio(lag.p50() / kafka.p50()), "≤ 300 ms", LagGoals.p50(phase.lags, phase.undelivered))
                        .row("lag p99" + at, Support.ms(lag.p99()), Support.ms(kafka.p99()), Support.ratio(lag.p99() / kafka.p99()),
                                "≤ 1 s", LagGoals.p99(phase.lags, phase.undelivered))
                        .row("lag max" + at, Support.ms(lag.max()), Support.ms(kafka.max()), "", "", Report.Verdict.INFO)
                        .row("changes sent" + at, Support.perSecond(phase.achievedRate) + " (" + lag.count()
                                        + " delivered and timed, " + phase.undelivered + " not delivered after " + drain.toSeconds()
                                        + " s, " + phase.errors.get() + " errors)", "", "", "rate held, all delivered",
                                LagGoals.heldAndVisible(phase.achievedRate, rate, phase.undelivered, phase.errors.get()));
                String[] split = split(stack, setting, phase.recordFromMillis);
                report.row("of which commit → queued (p50 / p99)" + at, split[0], "", "", "", Report.Verdict.INFO)
                        .row("of which queued → delivered (p50 / p99)" + at, split[1], "", "", "", Report.Verdict.INFO);
                if (phase.firstError.get() != null) {
                    report.note("First error" + at + ": " + phase.firstError.get());
                }
            } finally {
                client.data(GraphqlClient.gateway(stack.gatewayUrl(), producer,
                        "mutation($id: ID!) { deleteWebhookSetting(id: $id) { id } }", Map.of("id", setting)));
            }
        }
        report.note("Every change of the direct route (creation, sealing, the three signatures, reception) is timed: the "
                + "demo producer is on every BSDD, so each change is one delivery to its endpoint, a local receiver "
                + "(JDK HTTP server) answering 200 at once. The commit time is the event's occurredAt, stamped inside the "
                + "change's transaction (slightly before its commit: the lag is, if anything, overstated).");
        report.note("Percentile goals count the changes not delivered after the drain as longer than any bound. The split "
                + "comes from webhook-service's own queue (database webhook): commit → queued is the event path (outbox "
                + "relay, Kafka, the changes consumer), queued → delivered the dispatcher and the POST.");
        return report;
    }

    /** p50 / p99 of the two halves of the lag, from webhook-service's queue: {@code [commit → queued, queued → delivered]}. */
    private static String[] split(BenchStack stack, String setting, long fromMillis) throws Exception {
        try (Connection webhook = stack.connect("webhook");
             PreparedStatement select = webhook.prepareStatement("""
                     select percentile_disc(0.5) within group (order by extract(epoch from enqueued_at - occurred_at)),
                            percentile_disc(0.99) within group (order by extract(epoch from enqueued_at - occurred_at)),
                            percentile_disc(0.5) within group (order by extract(epoch from finished_at - enqueued_at)),
                            percentile_disc(0.99) within group (order by extract(epoch from finished_at - enqueued_at))
                     from delivery where setting_id = ? and status = 'DELIVERED' and occurred_at >= ?""")) {
            select.setString(1, setting);
            select.setTimestamp(2, new Timestamp(fromMillis));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new String[]{Support.ms(rs.getDouble(1) * 1000) + " / " + Support.ms(rs.getDouble(2) * 1000),
                        Support.ms(rs.getDouble(3) * 1000) + " / " + Support.ms(rs.getDouble(4) * 1000)};
            }
        }
    }

    /** Replaces the demo producer's webhook (one per company) by one pointing at the receiver; waits for a ping. */
    private static String register(BenchStack stack, GraphqlClient client, String token, String endpoint) throws Exception {
        String gateway = stack.gatewayUrl();
        JsonNode mine = client.data(GraphqlClient.gateway(gateway, token, "{ webhooksettings(first: 50) { edges { node { id orgId } } } }", Map.of()));
        for (JsonNode edge : mine.path("webhooksettings").path("edges")) {
            if (DemoAccount.PRODUCER.siret().equals(edge.path("node").path("orgId").asText())) {
                client.data(GraphqlClient.gateway(gateway, token, "mutation($id: ID!) { deleteWebhookSetting(id: $id) { id } }",
                        Map.of("id", edge.path("node").path("id").asText())));
            }
        }
        String companyId = null;
        for (JsonNode edge : client.data(GraphqlClient.gateway(gateway, token, "{ myCompanies { edges { node { id siret } } } }",
                Map.of())).path("myCompanies").path("edges")) {
            if (DemoAccount.PRODUCER.siret().equals(edge.path("node").path("siret").asText())) {
                companyId = edge.path("node").path("id").asText();
            }
        }
        String setting = client.data(GraphqlClient.gateway(gateway, token,
                "mutation($input: WebhookSettingCreateInput!) { createWebhookSetting(input: $input) { id } }",
                Map.of("input", Map.of("companyId", companyId, "endpointUri", endpoint, "token", TOKEN, "activated", true))))
                .path("createWebhookSetting").path("id").asText();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode ping = client.data(GraphqlClient.gateway(gateway, token,
                    "mutation($id: ID!) { wastetraceTestWebhookSetting(id: $id) { outcome } }", Map.of("id", setting)));
            if ("DELIVERED".equals(ping.path("wastetraceTestWebhookSetting").path("outcome").asText())) {
                return setting;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the webhook-service never delivered a ping to the receiver");
    }

    private static final class Phase {
        final Histogram lags = Latency.newHistogram();
        final AtomicLong errors = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();
        /** Per readable id: version → commit time (epoch millis), from the event stream. */
        final Map<String, TreeMap<Long, Long>> commits = new ConcurrentHashMap<>();
        double achievedRate;
        long undelivered;
        long recordFromMillis;
    }

    private Phase phase(BenchStack stack, RouteTraffic traffic, WebhookReceiver receiver, int rate, Duration warmup,
                        Duration measured, Duration drain) throws Exception {
        Phase phase = new Phase();
        EventWatcher watcher = new EventWatcher(stack.kafka(), phase);
        Thread watching = new Thread(watcher, "bench-webhook-event-watcher");
        watching.start();
        watcher.awaitAssigned();
        ConcurrentLinkedQueue<RouteTraffic.Form> ready = new ConcurrentLinkedQueue<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        int receivedBefore = receiver.received().size();
        long start = System.nanoTime();
        long recordFrom = start + warmup.toNanos();
        long recordFromMillis = System.currentTimeMillis() + warmup.toMillis();
        phase.recordFromMillis = recordFromMillis;
        long end = recordFrom + measured.toNanos();
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
            if (System.nanoTime() >= recordFrom) {
                sent.incrementAndGet();
            }
            traffic.send(form).whenComplete((completion, failure) -> {
                inFlight.decrementAndGet();
                if (failure != null || !completion.ok()) {
                    phase.errors.incrementAndGet();
                    phase.firstError.compareAndSet(null, failure != null ? failure.toString() : completion.error());
                    return;
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
        while (System.nanoTime() < drainUntil && (inFlight.get() > 0 || undelivered(phase, receiver, receivedBefore, recordFromMillis) > 0)) {
            Thread.sleep(200);
        }
        watcher.stop();
        watching.join();
        phase.undelivered = undelivered(phase, receiver, receivedBefore, recordFromMillis);
        for (Map.Entry<String, List<Long>> bsd : deliveries(receiver, receivedBefore).entrySet()) {
            List<Long> commitTimes = new ArrayList<>(phase.commits.getOrDefault(bsd.getKey(), new TreeMap<>()).values());
            for (int i = 0; i < Math.min(commitTimes.size(), bsd.getValue().size()); i++) {
                if (commitTimes.get(i) >= recordFromMillis) {
                    phase.lags.recordValue(Math.max(1, (bsd.getValue().get(i) - commitTimes.get(i)) * 1000));
                }
            }
        }
        return phase;
    }

    /** Per readable id, the receipt times (epoch millis) of its deliveries, in order. */
    private static Map<String, List<Long>> deliveries(WebhookReceiver receiver, int from) {
        Map<String, List<Long>> byBsd = new HashMap<>();
        List<WebhookReceiver.Received> received = receiver.received();
        for (WebhookReceiver.Received delivery : received.subList(from, received.size())) {
            try {
                JsonNode body = EventCodec.mapper().readTree(delivery.body()).get(0);
                if (!"PING".equals(body.path("action").asText())) {
                    byBsd.computeIfAbsent(body.path("id").asText(), id -> new ArrayList<>()).add(delivery.at().toEpochMilli());
                }
            } catch (Exception e) {
                throw new IllegalStateException("not a webhook body: " + delivery.body(), e);
            }
        }
        return byBsd;
    }

    /** Changes committed in the measured window whose delivery has not arrived. */
    private static long undelivered(Phase phase, WebhookReceiver receiver, int from, long recordFromMillis) {
        Map<String, List<Long>> delivered = deliveries(receiver, from);
        long missing = 0;
        for (Map.Entry<String, TreeMap<Long, Long>> bsd : phase.commits.entrySet()) {
            List<Long> times = new ArrayList<>(bsd.getValue().values());
            int got = delivered.getOrDefault(bsd.getKey(), List.of()).size();
            for (int i = got; i < times.size(); i++) {
                if (times.get(i) >= recordFromMillis) {
                    missing++;
                }
            }
        }
        return missing;
    }

    /** Reads the BSD events from the topic's current end: each change's readable id, version and commit time. */
    private static final class EventWatcher implements Runnable {
        private final KafkaConsumer<String, String> consumer;
        private final Phase phase;
        private final CountDownLatch assigned = new CountDownLatch(1);
        private volatile boolean stopping;

        EventWatcher(String bootstrap, Phase phase) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
            this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
            this.phase = phase;
        }

        void awaitAssigned() throws InterruptedException {
            assigned.await(30, TimeUnit.SECONDS);
        }

        void stop() {
            stopping = true;
        }

        @Override
        public void run() {
            try (consumer) {
                List<TopicPartition> partitions = new ArrayList<>();
                consumer.partitionsFor(Topics.BSD_EVENTS, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(Topics.BSD_EVENTS, p.partition())));
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                assigned.countDown();
                while (!stopping) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        EventEnvelope event = EventCodec.decode(record.value());
                        String readableId = event.payload().path("readableId").asText(null);
                        if (readableId != null) {
                            phase.commits.computeIfAbsent(readableId, id -> new TreeMap<>())
                                    .putIfAbsent(event.version(), event.occurredAt().toEpochMilli());
                        }
                    }
                }
            }
        }
    }
}
