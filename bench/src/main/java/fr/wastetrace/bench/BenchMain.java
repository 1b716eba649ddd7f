package fr.wastetrace.bench;

import fr.wastetrace.bench.benchmarks.CatchUpBench;
import fr.wastetrace.bench.benchmarks.CompanyMutationBench;
import fr.wastetrace.bench.benchmarks.ColdStartBench;
import fr.wastetrace.bench.benchmarks.CsvExportBench;
import fr.wastetrace.bench.benchmarks.CsvWriterBench;
import fr.wastetrace.bench.benchmarks.FormsListBench;
import fr.wastetrace.bench.benchmarks.GatewayOverheadBench;
import fr.wastetrace.bench.benchmarks.LifecycleBench;
import fr.wastetrace.bench.benchmarks.RateLimitBench;
import fr.wastetrace.bench.benchmarks.RegisterLagBench;
import fr.wastetrace.bench.benchmarks.WebhookLagBench;
import fr.wastetrace.bench.benchmarks.XlsxExportBench;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.report.BenchmarksFile;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.report.Run;
import fr.wastetrace.bench.stack.BenchStack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code bench/run <benchmark>|all [--quick] [--name=value ...]}: runs benchmarks against the local stack, prints each
 * one's figures with its baseline, and records them in {@code BENCHMARKS.md} (unless {@code --no-record}).
 */
public final class BenchMain {
    /** In the order {@code all} runs them (and BENCHMARKS.md lists them). */
    static final List<Benchmark> BENCHMARKS = List.of(new GatewayOverheadBench(), new FormsListBench(), new LifecycleBench(), new CompanyMutationBench(),
            new RegisterLagBench(), new WebhookLagBench(), new CatchUpBench(), new CsvExportBench(), new CsvWriterBench(),
            new XlsxExportBench(), new RateLimitBench(),
            new ColdStartBench());

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("list") || args[0].startsWith("-")) {
            System.out.println("usage: bench/run <benchmark>|all [--quick] [--no-record] [--name=value ...]");
            System.out.println("benchmarks: " + BENCHMARKS.stream().map(Benchmark::id).collect(Collectors.joining(", ")));
            System.exit(args.length == 0 || args[0].startsWith("-") ? 2 : 0);
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        List<Benchmark> selected = args[0].equals("all") ? BENCHMARKS
                : BENCHMARKS.stream().filter(b -> b.id().equals(args[0])).toList();
        if (selected.isEmpty()) {
            System.err.println("unknown benchmark " + args[0] + "; known: "
                    + BENCHMARKS.stream().map(Benchmark::id).collect(Collectors.joining(", ")));
            System.exit(2);
        }
        BenchStack stack = BenchStack.current();
        boolean record = !options.flag("no-record");
        List<String> failed = new ArrayList<>();
        for (Benchmark benchmark : selected) {
            Run run = Run.describe(stack.root());
            System.out.println("\n== " + benchmark.id() + " (" + run.startedAt() + ", commit " + run.commit() + ", load " + run.loadAverage() + ")");
            try {
                Report report = benchmark.run(stack, options);
                print(report);
                if (record) {
                    BenchmarksFile.record(stack.root().resolve("BENCHMARKS.md"), report, run);
                }
            } catch (Exception | AssertionError e) {
                failed.add(benchmark.id());
                System.err.println("[bench] " + benchmark.id() + " failed: " + e);
                e.printStackTrace();
            }
        }
        if (!options.unused().isEmpty()) {
            System.err.println("[bench] warning: parameters not used by these benchmarks: " + options.unused());
        }
        if (!failed.isEmpty()) {
            System.err.println("[bench] failed: " + String.join(", ", failed));
            System.exit(1);
        }
    }

    private static void print(Report report) {
        System.out.println("\n" + report.title() + "   " + report.parameters());
        System.out.printf("  %-44s %-22s %-26s %-9s %-30s %s%n", "figure", "measured", "baseline (same run)", "ratio", "goal", "met");
        for (Report.Row row : report.rows()) {
            System.out.printf("  %-44s %-22s %-26s %-9s %-30s %s%n", row.figure(), row.measured(), row.baseline(), row.ratio(),
                    row.goal(), row.verdict().name().toLowerCase());
        }
        report.notes().forEach(note -> System.out.println("  - " + note));
    }
}
