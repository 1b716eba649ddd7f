package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.Benchmark;
import fr.wastetrace.bench.core.CpuMeter;
import fr.wastetrace.bench.core.GraphqlClient;
import fr.wastetrace.bench.core.Jfr;
import fr.wastetrace.bench.core.Latency;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.data.DirectRoute;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;
import org.HdrHistogram.Histogram;

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
        pids.put("gateway", stack.pid("gateway"));
        pids.put("bsd-service", stack.pid("bsd-service"));
        pids.put("registry-service", stack.pid("registry-service"));
        pids.put("postgres", stack.pid("postgres"));
        pids.put("driver", CpuMeter.self());

        Support.log("baseline: 1 lane, " + measured.dividedBy(2).toSeconds() + " s measured");
        Phase single = phase(traffic, 1, warmup, measured.dividedBy(2));
        Support.log("  " + single.summary());
        Support.log(concurrency + " lanes, " + measured.toSeconds() + " s measured");
        Jfr jfr = profile ? Jfr.start(stack.pid("bsd-service"), stack.root().resolve(".run/bench/lifecycle-bsd.jfr")) : null;
        CpuMeter cpu = new CpuMeter(pids).start();
        Phase loaded = phase(traffic, concurrency, warmup, measured);
        String cpuUse = cpu.stop();
        Support.log("  " + loaded.summary());

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
        report.note("CPU during the loaded phase: " + cpuUse + " (100% = one core).");
        if (jfr != null) {
            report.note("bsd-service hot methods (JFR execution samples): " + jfr.stopAndSummarise(8));
        }
        if (loaded.firstError.get() != null || single.firstError.get() != null) {
            report.note("First error: " + (loaded.firstError.get() != null ? loaded.firstError.get() : single.firstError.get()));
        }
        return report;
    }

    private static final class Phase {
        final List<Histogram> perStep = new ArrayList<>();
        final Histogram all = Latency.newHistogram();
        final AtomicLong transitions = new AtomicLong();
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

    private Phase phase(RouteTraffic traffic, int lanes, Duration warmup, Duration measured) throws InterruptedException {
        Phase phase = new Phase();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        phase.seconds = measured.toNanos() / 1e9;
        CountDownLatch done = new CountDownLatch(lanes);
        for (int i = 0; i < lanes; i++) {
            next(traffic, traffic.newForm(), phase, measureFrom, end, done);
        }
        done.await();
        return phase;
    }

    private void next(RouteTraffic traffic, RouteTraffic.Form form, Phase phase, long measureFrom, long end, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        traffic.send(form).whenComplete((completion, failure) -> {
            boolean measuredHere = completion != null && completion.sentNanos() >= measureFrom && completion.doneNanos() <= end;
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
