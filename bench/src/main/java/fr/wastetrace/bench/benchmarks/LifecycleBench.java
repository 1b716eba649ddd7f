package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.Benchmark;
import fr.wastetrace.bench.core.CpuMeter;
import fr.wastetrace.bench.core.GraphqlClient;
import fr.wastetrace.bench.core.Jfr;
import fr.wastetrace.bench.core.Latency;
import fr.wastetrace.bench.core.Metrics;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.core.PgBackendCpu;
import fr.wastetrace.bench.core.PoolSampler;
import fr.wastetrace.bench.data.DirectRoute;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;
import fr.wastetrace.bench.stack.Procfs;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Lifecycle transitions under concurrency: lanes each drive forms from creation to {@code PROCESSED} through the
 * gateway (six mutations per form, each one a committed transition with its event). The baseline is one lane in the
 * same run: what the same path costs without contention.
 */
public final class LifecycleBench implements Benchmark {
    /** The processes whose CPU per transition is reported (company-service: if anything calls it on the way). */
    private static final long SAMPLE_MILLIS = 1000;
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final List<String> PROCESSES = List.of("gateway", "bsd-service", "company-service", "registry-service", "postgres");

    @Override
    public String id() {
        return "lifecycle";
    }

    @Override
    public Report run(BenchStack stack, Options options) throws Exception {
        int concurrency = options.integer("concurrency", 32, 8);
        Duration warmup = options.seconds("warmup", 10, 3);
        Duration measured = options.seconds("duration", 60, 10);
        boolean profile = !options.flag("no-profile");
        Report report = new Report(id(), "Lifecycle transitions (create → processed) under concurrency, through the gateway")
                .parameter("concurrency", concurrency).parameter("warmup", warmup.toSeconds() + "s")
                .parameter("duration", measured.toSeconds() + "s");
        RouteTraffic traffic = new RouteTraffic(stack, new GraphqlClient(GraphqlClient.newHttpClient()));
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String process : PROCESSES) {
            pids.put(process, stack.pid(process));
        }
        pids.put("driver", CpuMeter.self());

        Support.log("idle: " + IDLE.toSeconds() + " s without traffic");
        CpuMeter idleMeter = new CpuMeter(pids).start();
        Thread.sleep(IDLE.toMillis());
        CpuMeter.Usage idle = idleMeter.stopAndRead();
        Support.log("baseline: 1 lane, " + measured.dividedBy(2).toSeconds() + " s measured");
        Phase single = phase(traffic, 1, warmup, measured.dividedBy(2), new Window(pids, null, null));
        Support.log("  " + single.summary());
        Support.log(concurrency + " lanes, " + measured.toSeconds() + " s measured");
        Jfr jfr = profile ? Jfr.start(stack.pid("bsd-service"), stack.root().resolve(".run/bench/lifecycle-bsd.jfr")) : null;
        try (Connection pg = stack.connect("postgres")) {
            Window window = new Window(pids, new PgBackendCpu(pg), pools(stack, pg));
            Phase loaded = phase(traffic, concurrency, warmup, measured, window);
            Support.log("  " + loaded.summary());
            report(report, concurrency, single, loaded);
            cpuRows(report, idle, single, loaded);
            poolNotes(report, window.pools, stack);
            if (jfr != null) {
                report.note("bsd-service hot methods (JFR execution samples): " + jfr.stopAndSummarise(8));
            }
            if (loaded.firstError.get() != null || single.firstError.get() != null) {
                report.note("First error: " + (loaded.firstError.get() != null ? loaded.firstError.get() : single.firstError.get()));
            }
        }
        return report;
    }

    private static void report(Report report, int concurrency, Phase single, Phase loaded) {

        Latency all = Latency.of(loaded.all);
        Latency allSingle = Latency.of(single.all);
        report.row("transitions/s (" + concurrency + " lanes)", Support.perSecond(loaded.perSecond()),
                        Support.perSecond(single.perSecond()) + " with 1 lane", Support.ratio(loaded.perSecond() / single.perSecond()),
                        "≥ 400/s", Report.Verdict.of(loaded.perSecond() >= 400))
                .row("p99, all mutations", Support.ms(all.p99()), Support.ms(allSingle.p99()), Support.ratio(all.p99() / allSingle.p99()),
                        "≤ 100 ms", Report.Verdict.of(all.p99() <= 100))
                .row("p50, all mutations", Support.ms(all.p50()), Support.ms(allSingle.p50()), Support.ratio(all.p50() / allSingle.p50()),
                        "", Report.Verdict.INFO);
        for (int step = 0; step < DirectRoute.STEPS.size(); step++) {
            Latency loadedStep = Latency.of(loaded.perStep.get(step));
            Latency singleStep = Latency.of(single.perStep.get(step));
            report.row("`" + DirectRoute.STEPS.get(step).name() + "` p50 / p99", Support.ms(loadedStep.p50()) + " / " + Support.ms(loadedStep.p99()),
                    Support.ms(singleStep.p50()) + " / " + Support.ms(singleStep.p99()), Support.ratio(loadedStep.p99() / singleStep.p99()),
                    "p99 ≤ 100 ms", Report.Verdict.of(loadedStep.p99() <= 100));
        }
        report.row("errors", String.valueOf(loaded.errors.get()), String.valueOf(single.errors.get()), "", "0",
                Report.Verdict.of(loaded.errors.get() + single.errors.get() == 0));
        report.note("A transition is one committed mutation of the direct route (createForm, markAsSealed, signEmissionForm, "
                + "signTransportForm, markAsReceived, markAsProcessed), each with its status-log row and outbox event; "
                + loaded.forms.get() + " forms reached PROCESSED in the measured period.");
        report.note("CPU during the loaded phase: " + loaded.cpu.shares() + " (100% = one core).");
    }

    /**
     * CPU milliseconds per transition of each process, from /proc (utime + stime of the process and its children: the
     * postmaster's tree holds every PostgreSQL backend), over the measured period, divided by the transitions
     * completed in it.
     */
    private static void cpuRows(Report report, CpuMeter.Usage idle, Phase single, Phase loaded) {
        for (String process : PROCESSES) {
            double perTransition = loaded.cpu.msPer(process, loaded.completed.get());
            double alone = single.cpu.msPer(process, single.completed.get());
            boolean bsd = process.equals("bsd-service");
            report.row("CPU per transition, " + process, cpuMs(perTransition) + " (" + cpuMs(netOfIdle(idle, loaded, process))
                            + " net of idle)", cpuMs(alone) + " (" + cpuMs(netOfIdle(idle, single, process)) + ") with 1 lane",
                    Support.ratio(perTransition / alone), bsd ? "≤ 2.5 ms" : "",
                    bsd ? Report.Verdict.of(perTransition <= 2.5) : Report.Verdict.INFO);
        }
        report.note("CPU per transition: utime + stime from /proc over the measured period (warm-up excluded) divided by "
                + "the transitions completed in it (" + loaded.completed.get() + " with " + "the lanes, "
                + single.completed.get() + " with 1 lane); PostgreSQL is the postmaster and all its processes. \"Net of "
                + "idle\" first takes away what each process used per second in " + IDLE.toSeconds() + " s without "
                + "traffic before the phases (" + idle.shares() + "): consumers' polls, the relay, timers, which a "
                + "slow run spreads over fewer transitions. "
                + "PostgreSQL by kind of process (with the lanes, still alive at the end): "
                + loaded.pgKinds.entrySet().stream().limit(5)
                .map(e -> e.getKey() + " " + cpuMs(1000 * e.getValue() / loaded.completed.get()))
                .collect(Collectors.joining(", ")) + ".");
    }

    /** CPU ms per transition once the process's idle rate over the phase is taken away. */
    private static double netOfIdle(CpuMeter.Usage idle, Phase phase, String process) {
        double idlePerSecond = idle.cpuSeconds().get(process) / idle.seconds();
        return 1000 * (phase.cpu.cpuSeconds().get(process) - idlePerSecond * phase.cpu.seconds()) / phase.completed.get();
    }

    private static String cpuMs(double ms) {
        return Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, "%.2f ms", ms);
    }

    /**
     * bsd-service's pools and PostgreSQL's lock waits, sampled while the lanes run. The GraphQL mutations run on
     * Quarkus' worker pool (threads {@code executor-thread-N}, created as needed up to quarkus.thread-pool.max-threads),
     * which has no metric of its own: its threads are counted from /proc, those running or runnable apart.
     */
    private static PoolSampler pools(BenchStack stack, Connection pg) {
        long bsd = stack.pid("bsd-service");
        long gateway = stack.pid("gateway");
        return new PoolSampler(new Metrics(GraphqlClient.newHttpClient()), stack.serviceUrl("bsd-service"), SAMPLE_MILLIS)
                .gauge("requests in flight", "http_server_active_requests", Map.of())
                .gauge("agroal active", "agroal_active_count", Map.of())
                .gauge("agroal awaiting", "agroal_awaiting_count", Map.of())
                .counter("agroal acquired", "agroal_acquire_count_total", Map.of())
                .counter("agroal blocking ms", "agroal_blocking_time_total_milliseconds", Map.of())
                .source("/proc threads", () -> {
                    int[] workers = Procfs.threads(bsd, "executor-thread");
                    int[] gatewayWorkers = Procfs.threads(gateway, "executor-thread");
                    int[] eventLoops = Procfs.threads(bsd, "vert.x-eventloo");
                    return Map.of("workers alive", (double) workers[0], "workers running", (double) workers[1],
                            "event loops running", (double) eventLoops[1],
                            "gateway workers alive", (double) gatewayWorkers[0],
                            "gateway workers running", (double) gatewayWorkers[1]);
                })
                .source("pg_stat_activity", () -> lockWaits(pg));
    }

    private static Map<String, Double> lockWaits(Connection pg) {
        try (Statement statement = pg.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) filter (where wait_event_type = 'Lock'), "
                     + "count(*) filter (where state = 'active') from pg_stat_activity where datname = 'bsd'")) {
            rs.next();
            return Map.of("lock waits", (double) rs.getLong(1), "active backends", (double) rs.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void poolNotes(Report report, PoolSampler pools, BenchStack stack) {
        double acquired = pools.delta("agroal acquired");
        report.info("bsd-service: HTTP requests in flight", pools.meanMax("requests in flight"));
        report.info("bsd-service connection pool (Agroal): connections in use", pools.meanMax("agroal active"));
        report.info("bsd-service connection pool: requests awaiting a connection", pools.meanMax("agroal awaiting")
                + String.format(Locale.ROOT, "; %.2f ms waited per connection acquired (%.0f acquired)",
                pools.delta("agroal blocking ms") / acquired, acquired));
        report.info("bsd-service worker threads: alive / running", pools.meanMax("workers alive") + " / "
                + pools.meanMax("workers running"));
        report.info("bsd-service event-loop threads running (the GraphQL engine runs there)", pools.meanMax("event loops running"));
        report.info("gateway worker threads: alive / running", pools.meanMax("gateway workers alive") + " / "
                + pools.meanMax("gateway workers running"));
        report.info("PostgreSQL (database bsd): backends waiting on a lock / active", pools.meanMax("lock waits")
                + " / " + pools.meanMax("active backends"));
        report.note("Pools sampled every " + SAMPLE_MILLIS + " ms during the measured period ("
                + pools.samples("agroal active").samples() + " samples of " + stack.serviceUrl("bsd-service")
                + "/q/metrics, /proc and pg_stat_activity; a scrape of /q/metrics costs bsd-service a few ms of CPU, "
                + "counted in its figure); the wait per connection from the counters' increase over the period."
                + (pools.failures().isEmpty() ? "" : " Sampling failures: " + String.join("; ", pools.failures())));
    }

    /**
     * What is measured over a phase's measured period exactly (its warm-up excluded): the processes' CPU, and, with
     * the lanes, PostgreSQL's CPU by kind of process and the pools.
     */
    private static final class Window {
        final CpuMeter cpu;
        final PgBackendCpu pg;
        final PoolSampler pools;

        Window(Map<String, Long> pids, PgBackendCpu pg, PoolSampler pools) {
            this.cpu = new CpuMeter(pids);
            this.pg = pg;
            this.pools = pools;
        }

        void open() throws SQLException {
            cpu.start();
            if (pg != null) {
                pg.start();
            }
            if (pools != null) {
                pools.start();
            }
        }

        void close(Phase phase) throws SQLException, InterruptedException {
            phase.cpu = cpu.stopAndRead();
            if (pg != null) {
                phase.pgKinds = pg.stop();
            }
            if (pools != null) {
                pools.stop();
            }
        }
    }

    private static final class Phase {
        final List<Histogram> perStep = new ArrayList<>();
        final Histogram all = Latency.newHistogram();
        final AtomicLong transitions = new AtomicLong();
        /** Transitions answered within the measured period (sent before it or not): the work its CPU paid for. */
        final AtomicLong completed = new AtomicLong();
        CpuMeter.Usage cpu;
        Map<String, Double> pgKinds = Map.of();
        final AtomicLong forms = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();
        double seconds;

        Phase() {
            for (int i = 0; i < DirectRoute.STEPS.size(); i++) {
                perStep.add(Latency.newHistogram());
            }
        }

        double perSecond() {
            return transitions.get() / seconds;
        }

        synchronized void record(RouteTraffic.Completion completion) {
            perStep.get(completion.step()).recordValue(completion.micros());
            all.recordValue(completion.micros());
        }

        String summary() {
            Latency latency = Latency.of(all);
            return String.format(Locale.ROOT, "%s transitions, %s, %s, errors %d",
                    transitions.get(), Support.perSecond(perSecond()), latency.summary(), errors.get())
                    + perStep.stream().map(h -> Support.ms(Latency.of(h).p99())).collect(Collectors.joining(" / ", "; p99 per step ", ""));
        }
    }

    private Phase phase(RouteTraffic traffic, int lanes, Duration warmup, Duration measured, Window window)
            throws InterruptedException, SQLException {
        Phase phase = new Phase();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        phase.seconds = measured.toNanos() / 1e9;
        CountDownLatch done = new CountDownLatch(lanes);
        for (int i = 0; i < lanes; i++) {
            next(traffic, traffic.newForm(), phase, measureFrom, end, done);
        }
        sleepUntil(measureFrom);
        window.open();
        sleepUntil(end);
        window.close(phase);
        done.await();
        return phase;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    private void next(RouteTraffic traffic, RouteTraffic.Form form, Phase phase, long measureFrom, long end, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        traffic.send(form).whenComplete((completion, failure) -> {
            boolean measuredHere = completion != null && completion.sentNanos() >= measureFrom && completion.doneNanos() <= end;
            if (completion != null && completion.ok() && completion.doneNanos() >= measureFrom && completion.doneNanos() <= end) {
                phase.completed.incrementAndGet();
            }
            if (failure != null || !completion.ok()) {
                if (measuredHere || failure != null) {
                    phase.errors.incrementAndGet();
                    phase.firstError.compareAndSet(null, failure != null ? failure.toString() : completion.error());
                }
                // A failed form is abandoned; the lane starts a new one.
                next(traffic, traffic.newForm(), phase, measureFrom, end, done);
                return;
            }
            if (measuredHere) {
                phase.transitions.incrementAndGet();
                phase.record(completion);
                if (form.done()) {
                    phase.forms.incrementAndGet();
                }
            }
            next(traffic, form.done() ? traffic.newForm() : form, phase, measureFrom, end, done);
        });
    }
}
