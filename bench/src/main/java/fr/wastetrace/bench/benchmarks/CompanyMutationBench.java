package fr.wastetrace.bench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bench.Benchmark;
import fr.wastetrace.bench.core.GraphqlClient;
import fr.wastetrace.bench.core.Latency;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.data.DemoAccount;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;
import fr.wastetrace.bench.stack.Procfs;
import org.HdrHistogram.Histogram;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A company mutation under concurrency, through the gateway: lanes each send one mutation after the other, as fast
 * as answers come. {@code --mutation=receipt} (the default): {@code createTransporterReceipt}, an insert that no two
 * lanes contend for; {@code --mutation=update}: {@code updateCompany} (a new contact phone) on the three demo companies
 * in turn, so that lanes also wait for each other's row locks. Each is one company-service transaction (Hibernate ORM
 * Panache). The baseline is one lane in the same run. Reports the CPU milliseconds each process spends per mutation, and the Java runtime company-service runs
 * on, since this benchmark serves the choice of a threading model (docs/architecture.md, "Persistence").
 */
public final class CompanyMutationBench implements Benchmark {
    private static final String UPDATE = "mutation M($id: String!, $p: String) { updateCompany(id: $id, contactPhone: $p) { id } }";
    private static final String RECEIPT = "mutation M($n: String!) { createTransporterReceipt(input: { receiptNumber: $n, "
            + "department: \"69\", validityLimit: \"2030-01-01T00:00:00Z\" }) { id } }";

    @Override
    public String id() {
        return "company";
    }

    @Override
    public Report run(BenchStack stack, Options options) throws Exception {
        int concurrency = options.integer("concurrency", 32, 8);
        Duration warmup = options.seconds("warmup", 10, 3);
        Duration measured = options.seconds("duration", 40, 10);
        boolean update = "update".equals(options.text("mutation", "receipt"));
        GraphqlClient client = new GraphqlClient(GraphqlClient.newHttpClient());
        List<Target> targets = new ArrayList<>();
        for (DemoAccount account : List.of(DemoAccount.PRODUCER, DemoAccount.TRANSPORTER, DemoAccount.DESTINATION)) {
            String token = account.token();
            JsonNode me = client.data(GraphqlClient.gateway(stack.gatewayUrl(), token, "{ me { companies { id siret } } }", Map.of()));
            for (JsonNode company : me.at("/me/companies")) {
                if (account.siret().equals(company.path("siret").asText())) {
                    targets.add(new Target(token, company.path("id").asText()));
                }
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalStateException("no demo company found: is the stack's local profile seeded?");
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("gateway", stack.pid("gateway"));
        pids.put("company-service", stack.pid("company-service"));
        pids.put("postgres", stack.pid("postgres"));
        String runtime = ProcessHandle.of(pids.get("company-service")).flatMap(p -> p.info().command()).orElse("?");
        Report report = new Report(id(), "A company mutation under concurrency, through the gateway")
                .parameter("mutation", update ? "updateCompany" : "createTransporterReceipt")
                .parameter("concurrency", concurrency).parameter("warmup", warmup.toSeconds() + "s")
                .parameter("duration", measured.toSeconds() + "s").parameter("company-service JVM", runtime);

        Support.log("baseline: 1 lane, " + measured.dividedBy(2).toSeconds() + " s measured");
        Phase single = phase(client, stack, targets, update, 1, warmup, measured.dividedBy(2), pids);
        Support.log("  " + single.summary());
        Support.log(concurrency + " lanes, " + measured.toSeconds() + " s measured");
        Phase loaded = phase(client, stack, targets, update, concurrency, warmup, measured, pids);
        Support.log("  " + loaded.summary());

        Latency l = Latency.of(loaded.latency);
        Latency s = Latency.of(single.latency);
        report.row("mutations/s (" + concurrency + " lanes)", Support.perSecond(loaded.perSecond()),
                        Support.perSecond(single.perSecond()) + " with 1 lane", Support.ratio(loaded.perSecond() / single.perSecond()),
                        "", Report.Verdict.INFO)
                .row("p50 / p99", Support.ms(l.p50()) + " / " + Support.ms(l.p99()), Support.ms(s.p50()) + " / " + Support.ms(s.p99()),
                        Support.ratio(l.p99() / s.p99()), "", Report.Verdict.INFO);
        for (String process : pids.keySet()) {
            report.row("CPU per mutation, " + process, String.format(Locale.ROOT, "%.2f ms", loaded.cpuMsPerMutation(process)),
                    String.format(Locale.ROOT, "%.2f ms with 1 lane", single.cpuMsPerMutation(process)), "", "", Report.Verdict.INFO);
        }
        report.row("errors", String.valueOf(loaded.errors.get()), String.valueOf(single.errors.get()), "", "0",
                Report.Verdict.of(loaded.errors.get() + single.errors.get() == 0));
        report.note("Lanes are platform threads of the driver, each waiting for its answer before the next mutation"
                + (update ? "; " + targets.size() + " companies, updated in turn by every lane (row locks are part of the cost)." : "."));
        if (loaded.firstError.get() != null || single.firstError.get() != null) {
            report.note("First error: " + (loaded.firstError.get() != null ? loaded.firstError.get() : single.firstError.get()));
        }
        return report;
    }

    private record Target(String token, String companyId) {
    }

    private static final class Phase {
        final Histogram latency = Latency.newHistogram();
        final AtomicLong mutations = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();
        final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        double seconds;

        double perSecond() {
            return mutations.get() / seconds;
        }

        double cpuMsPerMutation(String process) {
            return mutations.get() == 0 ? Double.NaN : 1000 * cpuSeconds.get(process) / mutations.get();
        }

        synchronized void record(long micros) {
            latency.recordValue(micros);
        }

        String summary() {
            return String.format(Locale.ROOT, "%d mutations, %s, %s, errors %d, CPU ms/mutation %s", mutations.get(),
                    Support.perSecond(perSecond()), Latency.of(latency).summary(), errors.get(),
                    cpuSeconds.keySet().stream().map(p -> String.format(Locale.ROOT, "%s %.2f", p, cpuMsPerMutation(p))).toList());
        }
    }

    private Phase phase(GraphqlClient client, BenchStack stack, List<Target> targets, boolean update, int lanes, Duration warmup,
                        Duration measured, Map<String, Long> pids) throws InterruptedException {
        Phase phase = new Phase();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        phase.seconds = measured.toNanos() / 1e9;
        List<Thread> threads = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            int first = lane;
            Thread thread = new Thread(() -> {
                int i = first;
                while (System.nanoTime() < end) {
                    Target target = targets.get(i++ % targets.size());
                    String number = String.format(Locale.ROOT, "%08d", ThreadLocalRandom.current().nextInt(100_000_000));
                    HttpRequest request = update
                            ? GraphqlClient.gateway(stack.gatewayUrl(), target.token(), UPDATE,
                                    Map.of("id", target.companyId(), "p", "06" + number))
                            : GraphqlClient.gateway(stack.gatewayUrl(), target.token(), RECEIPT, Map.of("n", "R-" + number));
                    long sent = System.nanoTime();
                    boolean ok;
                    String error = null;
                    try {
                        HttpResponse<byte[]> response = client.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
                        ok = GraphqlClient.succeeded(response);
                        if (!ok) {
                            error = response.statusCode() + " " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
                        }
                    } catch (Exception e) {
                        ok = false;
                        error = e.toString();
                    }
                    long done = System.nanoTime();
                    if (sent >= measureFrom && done <= end) {
                        if (ok) {
                            phase.mutations.incrementAndGet();
                            phase.record((done - sent) / 1000);
                        } else {
                            phase.errors.incrementAndGet();
                            phase.firstError.compareAndSet(null, error);
                        }
                    }
                }
            }, "company-lane-" + lane);
            thread.start();
            threads.add(thread);
        }
        Map<String, Double> before = new LinkedHashMap<>();
        long untilMeasured = measureFrom - System.nanoTime();
        if (untilMeasured > 0) {
            Thread.sleep(untilMeasured / 1_000_000);
        }
        pids.forEach((name, pid) -> before.put(name, Procfs.treeCpuSeconds(pid)));
        long untilEnd = end - System.nanoTime();
        if (untilEnd > 0) {
            Thread.sleep(untilEnd / 1_000_000);
        }
        pids.forEach((name, pid) -> phase.cpuSeconds.put(name, Procfs.treeCpuSeconds(pid) - before.get(name)));
        for (Thread t : threads) {
            t.join();
        }
        return phase;
    }
}
