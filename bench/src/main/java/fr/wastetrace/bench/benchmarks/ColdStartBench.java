package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.Benchmark;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;
import fr.wastetrace.bench.stack.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start of each service: its built jar started with the stack's environment on a free port (a new replica
 * beside the running one: same database, same consumer groups), timed from process start to {@code /q/health/ready}
 * answering 200, and its RSS at that moment. Baseline: a bare JVM serving the same path, started the same way.
 */
public final class ColdStartBench implements Benchmark {
    static final List<String> SERVICES = List.of("company-service", "bsd-service", "registry-service", "gateway");
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    @Override
    public String id() {
        return "coldstart";
    }

    @Override
    public Report run(BenchStack stack, Options options) throws Exception {
        int runs = options.integer("runs", 3, 1);
        Report report = new Report(id(), "Cold start of each service").parameter("runs", runs);
        Path logs = stack.root().resolve(".run/bench");

        List<Double> baselineSeconds = new ArrayList<>();
        List<Double> baselineRss = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (ServiceProcess jvm = ServiceProcess.startMinimal(logs.resolve("coldstart-minimal.log"))) {
                baselineSeconds.add(jvm.awaitReady(Duration.ofMinutes(1)));
                baselineRss.add(jvm.rssMiB());
            }
        }
        double baseline = median(baselineSeconds);
        double baselineMiB = median(baselineRss);
        Support.log(String.format(Locale.ROOT, "baseline: a bare JVM is ready in %.2f s, RSS %.0f MiB", baseline, baselineMiB));

        for (String service : SERVICES) {
            List<Double> seconds = new ArrayList<>();
            List<Double> rss = new ArrayList<>();
            List<String> quarkus = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path log = logs.resolve("coldstart-" + service + ".log");
                try (ServiceProcess process = ServiceProcess.start(stack, service, Map.of(), List.of(), List.of(), log)) {
                    seconds.add(process.awaitReady(Duration.ofMinutes(5)));
                    rss.add(process.rssMiB());
                } catch (IllegalStateException e) {
                    // A start that fails is a figure too (on a saturated machine, e.g. a database connection not
                    // acquired in time): recorded, and the next run is tried.
                    failures.add(firstCause(Files.readString(log)));
                    Support.log(service + ": start " + (i + 1) + " failed: " + failures.get(failures.size() - 1));
                    continue;
                }
                Matcher started = STARTED_IN.matcher(Files.readString(log));
                if (started.find()) {
                    quarkus.add(started.group(1) + " s");
                }
            }
            if (!failures.isEmpty()) {
                report.note(service + ": " + failures.size() + " of " + runs + " starts failed: " + String.join("; ", failures) + ".");
            }
            if (seconds.isEmpty()) {
                report.row(service + ": seconds to ready", "no start succeeded", String.format(Locale.ROOT, "%.2f s bare JVM", baseline),
                        "", "≤ 1.5 s", Report.Verdict.MISSED);
                continue;
            }
            double median = median(seconds);
            double medianRss = median(rss);
            Support.log(String.format(Locale.ROOT, "%s: ready in %s s (median %.2f s), RSS %.0f MiB; Quarkus says started in %s",
                    service, seconds, median, medianRss, quarkus));
            report.row(service + ": seconds to ready", String.format(Locale.ROOT, "%.2f s", median),
                            String.format(Locale.ROOT, "%.2f s bare JVM", baseline), Support.ratio(median / baseline), "≤ 1.5 s",
                            Report.Verdict.of(median <= 1.5))
                    .row(service + ": RSS at ready", Support.mib(medianRss), Support.mib(baselineMiB) + " bare JVM",
                            Support.ratio(medianRss / baselineMiB), "≤ 300 MB", Report.Verdict.of(medianRss * 1.048576 <= 300));
            report.note(service + ": runs " + seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f s", s)).toList()
                    + "; Quarkus' own \"started in\": " + quarkus + ".");
        }
        report.note("Each start is a new replica beside the running one (same databases, Kafka groups, Redis), JVM flags as "
                + "deploy/local/up: -Xmx512m, no CDS/AOT cache; figures are medians over " + runs + " run(s).");
        return report;
    }

    /** The last "Caused by" of a failed start's log (or its last line). */
    static String firstCause(String log) {
        String cause = null;
        for (String line : log.split("\n")) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length()).trim();
            }
        }
        if (cause == null) {
            String[] lines = log.strip().split("\n");
            cause = lines.length == 0 ? "no log" : lines[lines.length - 1].trim();
        }
        return cause.length() > 160 ? cause.substring(0, 160) + "…" : cause;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
