package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.Benchmark;
import fr.wastetrace.bench.core.CpuMeter;
import fr.wastetrace.bench.core.GraphqlClient;
import fr.wastetrace.bench.core.Jfr;
import fr.wastetrace.bench.core.LoadDriver;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.data.DemoAccount;
import fr.wastetrace.bench.data.DirectRoute;
import fr.wastetrace.bench.data.ReferenceData;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;
import fr.wastetrace.bench.stack.Procfs;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code form(id)} through the gateway vs the same query sent straight to bsd-service with the identity the gateway
 * would have signed: the gateway's cost (token check, rate limit, parse, plan, shape) is the difference.
 */
public final class GatewayOverheadBench implements Benchmark {
    static final String QUERY = """
            query Form($id: ID) { form(id: $id) { id readableId status createdAt
              emitter { type company { siret name address contact mail } }
              recipient { processingOperation cap company { siret name address } }
              transporters { company { siret name } receipt takenOverAt }
              wasteDetails { code name quantity quantityType packagingInfos { type quantity } consistences pop } } }""";

    @Override
    public String id() {
        return "gateway";
    }

    @Override
    public Report run(BenchStack stack, Options options) throws Exception {
        int concurrency = options.integer("concurrency", 16, 8);
        Duration warmup = options.seconds("warmup", 10, 3);
        Duration measured = options.seconds("duration", 30, 5);
        boolean profile = !options.flag("no-profile");
        Report report = new Report(id(), "`form(id)` through the gateway vs straight to bsd-service")
                .parameter("concurrency", concurrency).parameter("warmup", warmup.toSeconds() + "s")
                .parameter("duration", measured.toSeconds() + "s");

        GraphqlClient client = new GraphqlClient(GraphqlClient.newHttpClient());
        String token = DemoAccount.PRODUCER.token();
        DirectRoute route = new DirectRoute(ReferenceData.load(stack.root()));
        String formId = client.data(GraphqlClient.gateway(stack.gatewayUrl(), token, DirectRoute.STEPS.get(0).query(),
                route.variables(0, null, route.drawWaste()))).path("createForm").path("id").asText();
        Map<String, Object> variables = Map.of("id", formId);
        String secret = stack.identitySecret();
        AtomicReference<String> identity = new AtomicReference<>(DemoAccount.identityHeader(token, secret, "bsd"));
        AtomicReference<Long> signedAt = new AtomicReference<>(System.nanoTime());
        Supplier<HttpRequest> direct = () -> {
            // The signed identity is valid 90 s: re-sign it every 30 s, as the gateway signs every call.
            if (System.nanoTime() - signedAt.get() > Duration.ofSeconds(30).toNanos()) {
                identity.set(DemoAccount.identityHeader(token, secret, "bsd"));
                signedAt.set(System.nanoTime());
            }
            return GraphqlClient.subgraph(stack.serviceUrl("bsd-service"), identity.get(), QUERY, variables);
        };
        Supplier<HttpRequest> viaGateway = () -> GraphqlClient.gateway(stack.gatewayUrl(), token, QUERY, variables);

        LoadDriver driver = new LoadDriver(client.http());
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("gateway", stack.pid("gateway"));
        pids.put("bsd-service", stack.pid("bsd-service"));
        pids.put("driver", CpuMeter.self());

        Support.log("form(id) straight to bsd-service: " + concurrency + " lanes, " + warmup.toSeconds() + " s warm-up, " + measured.toSeconds() + " s measured");
        CpuMeter cpu = new CpuMeter(pids).start();
        LoadDriver.Result baseline = driver.run(direct, GraphqlClient::succeeded, concurrency, warmup, measured);
        String baselineCpu = cpu.stop();
        Support.log("  " + Support.perSecond(baseline.perSecond()) + ", " + baseline.latency().summary() + ", errors " + baseline.errors());

        Support.log("form(id) through the gateway");
        Jfr jfr = profile ? Jfr.start(stack.pid("gateway"), stack.root().resolve(".run/bench/gateway-form.jfr")) : null;
        cpu = new CpuMeter(pids).start();
        WindowCpu gatewayWindow = new WindowCpu(stack.pid("gateway"), warmup);
        LoadDriver.Result gateway = driver.run(viaGateway, GraphqlClient::succeeded, concurrency, warmup, measured);
        double gatewayCpuSeconds = gatewayWindow.stop();
        String gatewayCpu = cpu.stop();
        Support.log("  " + Support.perSecond(gateway.perSecond()) + ", " + gateway.latency().summary() + ", errors " + gateway.errors());

        double p50Ratio = gateway.latency().p50() / baseline.latency().p50();
        report.row("req/s through the gateway", Support.perSecond(gateway.perSecond()), Support.perSecond(baseline.perSecond()) + " direct",
                        Support.ratio(gateway.perSecond() / baseline.perSecond()), "≥ 1,500/s", Report.Verdict.of(gateway.perSecond() >= 1500))
                .row("p50", Support.ms(gateway.latency().p50()), Support.ms(baseline.latency().p50()), Support.ratio(p50Ratio),
                        "≤ 1.20× (gateway adds ≤ 20%)", Report.Verdict.of(p50Ratio <= 1.2))
                .row("p99", Support.ms(gateway.latency().p99()), Support.ms(baseline.latency().p99()),
                        Support.ratio(gateway.latency().p99() / baseline.latency().p99()), "", Report.Verdict.INFO)
                .row("p999", Support.ms(gateway.latency().p999()), Support.ms(baseline.latency().p999()),
                        Support.ratio(gateway.latency().p999() / baseline.latency().p999()), "", Report.Verdict.INFO)
                .row("errors", String.valueOf(gateway.errors()), String.valueOf(baseline.errors()), "", "0",
                        Report.Verdict.of(gateway.errors() == 0 && baseline.errors() == 0))
                .row("gateway CPU per request", String.format(Locale.ROOT, "%.2f ms",
                                1000 * gatewayCpuSeconds / Math.max(1, gateway.ok() + gateway.errors())), "", "", "",
                        Report.Verdict.INFO);
        report.note("CPU during the direct phase: " + baselineCpu + "; during the gateway phase: " + gatewayCpu + " (100% = one core).");
        report.note("Gateway CPU per request: utime+stime of the gateway's process (/proc/<pid>/stat) over the measured "
                + "window, divided by the requests answered in it (JFR's own cost included when profiling).");
        if (jfr != null) {
            report.note("Gateway hot methods (JFR execution samples): " + jfr.stopAndSummarise(8));
        }
        if (gateway.firstError() != null || baseline.firstError() != null) {
            report.note("First error: " + (gateway.firstError() != null ? gateway.firstError() : baseline.firstError()));
        }
        return report;
    }

    /**
     * The CPU seconds (utime + stime, from /proc) a process uses from {@code warmup} after its creation, which is when
     * the load driver starts measuring, until {@link #stop}.
     */
    private static final class WindowCpu {
        private final CompletableFuture<Double> atStart;
        private final long pid;

        WindowCpu(long pid, Duration warmup) {
            this.pid = pid;
            this.atStart = CompletableFuture.supplyAsync(() -> Procfs.treeCpuSeconds(pid),
                    CompletableFuture.delayedExecutor(warmup.toNanos(), TimeUnit.NANOSECONDS));
        }

        double stop() {
            return Procfs.treeCpuSeconds(pid) - atStart.join();
        }
    }
}
