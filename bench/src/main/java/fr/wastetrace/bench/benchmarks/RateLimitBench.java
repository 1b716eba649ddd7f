package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.Benchmark;
import fr.wastetrace.bench.core.GraphqlClient;
import fr.wastetrace.bench.core.Latency;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.core.Resp;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;
import fr.wastetrace.bench.stack.ServiceProcess;
import fr.wastetrace.testing.Gql;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rate-limit decision: the gateway's per-IP check on every request, against one raw {@code EVALSHA} of the same
 * script on the same Redis. The decision's added latency is the difference between the stack's gateway and a second
 * gateway started with the limit off, serving the same request one at a time; the round trips are Redis' own command
 * counts over the phase.
 */
public final class RateLimitBench implements Benchmark {
    static final String SCRIPT = "gateway/src/main/resources/ratelimit/sliding-window.lua";
    static final String QUERY = "{ __typename }";

    @Override
    public String id() {
        return "ratelimit";
    }

    @Override
    public Report run(BenchStack stack, Options options) throws Exception {
        Duration warmup = options.seconds("warmup", 10, 3);
        Duration measured = options.seconds("duration", 20, 5);
        Report report = new Report(id(), "Rate-limit decision vs one raw `EVALSHA` round trip to the same Redis")
                .parameter("warmup", warmup.toSeconds() + "s").parameter("duration", measured.toSeconds() + "s").parameter("concurrency", 1);
        String script = Files.readString(stack.root().resolve(SCRIPT), StandardCharsets.UTF_8);
        URI redisUrl = stack.redis();

        Latency raw;
        try (Resp redis = new Resp(redisUrl)) {
            String sha = (String) redis.call("SCRIPT", "LOAD", script);
            String key = "wastetrace:rl:bench:" + UUID.randomUUID();
            String window = String.valueOf(Duration.ofMinutes(1).toMillis());
            Histogram histogram = Latency.newHistogram();
            long measureFrom = System.nanoTime() + warmup.toNanos();
            long end = measureFrom + measured.toNanos();
            while (System.nanoTime() < end) {
                long sent = System.nanoTime();
                redis.call("EVALSHA", sha, "1", key, window, String.valueOf(Integer.MAX_VALUE), UUID.randomUUID().toString());
                if (sent >= measureFrom) {
                    histogram.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                }
            }
            redis.call("DEL", key);
            raw = Latency.of(histogram);
        }
        Support.log("raw EVALSHA: " + raw.summary());

        GraphqlClient client = new GraphqlClient(GraphqlClient.newHttpClient());
        RoundTrips roundTrips = countRoundTrips(redisUrl, client, stack.gatewayUrl(), options.integer("count-requests", 500, 200));
        Support.log(String.format(Locale.ROOT, "%.2f Redis round trips per gateway request (%s)", roundTrips.perRequest, roundTrips.commands));
        Paired paired;
        // Two gateways of the same age (same JIT state), one with the limit and one without, beside the stack's own.
        // The limited gateway decides on every request but must never refuse one: its per-IP limit is set far above
        // what the run sends, whatever the environment the benchmark was started from.
        try (ServiceProcess with = ServiceProcess.start(stack, "gateway", Map.of("RATE_LIMIT_PER_MINUTE", "100000000"), List.of(), List.of(),
                stack.root().resolve(".run/bench/ratelimit-gateway-with-limit.log"));
             ServiceProcess without = ServiceProcess.start(stack, "gateway", Map.of("WASTETRACE_GATEWAY_RATE_LIMIT_ENABLED", "false"),
                     List.of(), List.of(), stack.root().resolve(".run/bench/ratelimit-gateway-without-limit.log"))) {
            with.awaitReady(Duration.ofMinutes(3));
            without.awaitReady(Duration.ofMinutes(3));
            paired = paired(client, with.url(), without.url(), warmup, measured);
        }
        Latency limited = paired.withLimit;
        Latency unlimited = paired.withoutLimit;
        Support.log("gateway with the limit: " + limited.summary());
        Support.log("gateway without the limit: " + unlimited.summary());

        double addedP50 = limited.p50() - unlimited.p50();
        double addedP99 = limited.p99() - unlimited.p99();
        report.row("Redis round trips per request", String.format(Locale.ROOT, "%.2f", roundTrips.perRequest), "1 per raw EVALSHA",
                        "", "1", Report.Verdict.of(Math.round(roundTrips.perRequest * 100) <= 100))
                .row("added latency p50", Support.ms(addedP50), Support.ms(raw.p50()) + " raw EVALSHA", Support.ratio(addedP50 / raw.p50()),
                        "≤ 1.20× the raw round trip", Report.Verdict.of(addedP50 <= 1.2 * raw.p50()))
                .row("added latency p99", Support.ms(addedP99), Support.ms(raw.p99()), Support.ratio(addedP99 / raw.p99()),
                        "≤ 1.20× the raw round trip", Report.Verdict.of(addedP99 <= 1.2 * raw.p99()))
                .info("request latency with / without the limit", "p50 " + Support.ms(limited.p50()) + " / "
                        + Support.ms(unlimited.p50()) + ", p99 " + Support.ms(limited.p99()) + " / "
                        + Support.ms(unlimited.p99()))
                .row("errors", String.valueOf(paired.errors), "", "", "0", Report.Verdict.of(paired.errors == 0));
        report.note("Request: anonymous `" + QUERY + "` (answered by the gateway itself, no subgraph call), one at a time, "
                + "alternately to two gateways the benchmark starts together, one as configured and one with "
                + "WASTETRACE_GATEWAY_RATE_LIMIT_ENABLED=false (same age, same machine). Added latency = a percentile with the limit − the same percentile without "
                + "(a difference of percentiles, not a per-request figure; below zero, it is lost in the noise).");
        report.note("Round trips counted with Redis MONITOR over " + roundTrips.requests + " sequential requests (a phase of its own, "
                + "MONITOR slows Redis): the commands of the gateway's connections, not those its script runs: " + roundTrips.commands + ".");
        if (paired.firstError != null) {
            report.note("First error: " + paired.firstError);
        }
        return report;
    }

    private static HttpRequest request(String gatewayUrl) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl + "/")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Gql.body(QUERY))).build();
    }

    private record Paired(Latency withLimit, Latency withoutLimit, long errors, String firstError) {
    }

    /** Sequential requests alternating between the two gateways; only those after the warm-up are recorded. */
    private static Paired paired(GraphqlClient client, String withLimit, String withoutLimit, Duration warmup, Duration measured)
            throws InterruptedException {
        Histogram limited = Latency.newHistogram();
        Histogram unlimited = Latency.newHistogram();
        long errors = 0;
        String firstError = null;
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        while (System.nanoTime() < end) {
            for (boolean limit : new boolean[]{true, false}) {
                long sent = System.nanoTime();
                try {
                    var response = client.http().send(request(limit ? withLimit : withoutLimit), HttpResponse.BodyHandlers.ofByteArray());
                    long micros = Math.max(1, (System.nanoTime() - sent) / 1000);
                    if (!GraphqlClient.succeeded(response)) {
                        errors++;
                        firstError = firstError != null ? firstError : "HTTP " + response.statusCode() + " "
                                + new String(response.body(), StandardCharsets.UTF_8);
                    } else if (sent >= measureFrom) {
                        (limit ? limited : unlimited).recordValue(micros);
                    }
                } catch (IOException e) {
                    errors++;
                    firstError = firstError != null ? firstError : e.toString();
                }
            }
        }
        return new Paired(Latency.of(limited), Latency.of(unlimited), errors, firstError);
    }

    private record RoundTrips(double perRequest, int requests, Map<String, Integer> commands) {
    }

    /** Client commands (not script-internal ones) from the connections that ran the limiter's script, per request. */
    private static RoundTrips countRoundTrips(URI redisUrl, GraphqlClient client, String gatewayUrl, int requests) throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Resp monitor = new Resp(redisUrl);
        Thread reader = new Thread(() -> {
            try {
                monitor.monitor(lines::add);
            } catch (IOException e) {
                lines.add("error " + e.getMessage());
            }
        }, "bench-redis-monitor");
        reader.start();
        Thread.sleep(300);
        for (int i = 0; i < requests; i++) {
            client.data(request(gatewayUrl));
        }
        Thread.sleep(300);
        monitor.close();
        reader.join();
        // A line: +1700000000.123456 [0 127.0.0.1:60736] "EVALSHA" "…" (scripts' own commands say [0 lua]).
        Pattern line = Pattern.compile("^[0-9.]+ \\[\\d+ ([^\\]]+)\\] \"([^\"]+)\"");
        Map<String, Map<String, Integer>> byClient = new HashMap<>();
        synchronized (lines) {
            for (String text : lines) {
                Matcher matcher = line.matcher(text);
                if (matcher.find() && !matcher.group(1).equals("lua")) {
                    byClient.computeIfAbsent(matcher.group(1), c -> new TreeMap<>())
                            .merge(matcher.group(2).toUpperCase(Locale.ROOT), 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> gatewayCommands = new TreeMap<>();
        byClient.values().stream().filter(commands -> commands.containsKey("EVALSHA") || commands.containsKey("EVAL"))
                .forEach(commands -> commands.forEach((command, count) -> gatewayCommands.merge(command, count, Integer::sum)));
        int total = gatewayCommands.values().stream().mapToInt(Integer::intValue).sum();
        return new RoundTrips((double) total / requests, requests, gatewayCommands);
    }
}
