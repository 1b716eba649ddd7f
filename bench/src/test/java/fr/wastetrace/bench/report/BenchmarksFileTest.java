package fr.wastetrace.bench.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarksFileTest {
    private static final Run RUN = new Run("2026-11-27 10:00 UTC", "abc1234567", "2 vCPU test", "1.00 0.50 0.20");

    private static Report report(String measured, boolean met) {
        return new Report("gateway", "form(id)").parameter("concurrency", 16)
                .row("p50", measured, "2.0 ms", "1.10×", "≤ 1.20×", Report.Verdict.of(met))
                .info("p99", "9 ms").note("CPU: gateway 80%");
    }

    @Test
    void rewritesOnlyTheBenchmarksBlockAndAppendsToTheLog() {
        String file = """
                # Benchmarks
                Hand-written introduction.

                ## Results
                <!-- bench:gateway -->
                old figures
                <!-- /bench:gateway -->

                Hand-written analysis.

                ## Run log
                <!-- bench:log -->
                <!-- /bench:log -->
                """;
        String once = BenchmarksFile.replaceBlock(file, "gateway", BenchmarksFile.render(report("2.2 ms", true), RUN));
        once = BenchmarksFile.replaceBlock(once, BenchmarksFile.LOG,
                BenchmarksFile.LOG_HEADER + BenchmarksFile.logLine(report("2.2 ms", true), RUN));

        assertFalse(once.contains("old figures"));
        assertTrue(once.contains("| p50 | 2.2 ms | 2.0 ms | 1.10× | ≤ 1.20× | yes |"));
        assertTrue(once.contains("Hand-written introduction.") && once.contains("Hand-written analysis."));
        assertTrue(once.contains("_Parameters: concurrency=16_"));
        assertTrue(once.contains("- CPU: gateway 80%"));

        String twice = BenchmarksFile.replaceBlock(once, "gateway", BenchmarksFile.render(report("3.0 ms", false), RUN));
        twice = BenchmarksFile.replaceBlock(twice, BenchmarksFile.LOG,
                BenchmarksFile.block(twice, BenchmarksFile.LOG) + BenchmarksFile.logLine(report("3.0 ms", false), RUN));

        assertFalse(twice.contains("| p50 | 2.2 ms |"));
        assertTrue(twice.contains("| p50 | 3.0 ms | 2.0 ms | 1.10× | ≤ 1.20× | **no** |"));
        String log = BenchmarksFile.block(twice, BenchmarksFile.LOG);
        assertEquals(2, log.lines().filter(line -> line.contains("| gateway |")).count());
        assertTrue(log.contains("| p50 3.0 ms | p50 |"));
        assertTrue(log.contains("| p50 2.2 ms | none |"));
    }

    @Test
    void aMissingBlockGoesBeforeTheRunLog() {
        String file = "# Benchmarks\n\n## Results\n\n## Run log\n<!-- bench:log -->\n<!-- /bench:log -->\n";

        String updated = BenchmarksFile.replaceBlock(file, "csv", "figures\n");

        assertTrue(updated.indexOf("<!-- bench:csv -->") < updated.indexOf("## Run log"));
        assertTrue(updated.indexOf("## Results") < updated.indexOf("<!-- bench:csv -->"));
        assertEquals("figures\n", BenchmarksFile.block(updated, "csv"));
    }

    @Test
    void pipesInFiguresDoNotBreakTheTable() {
        String rendered = BenchmarksFile.render(new Report("x", "t").info("a | b", "1 | 2"), RUN);

        assertTrue(rendered.contains("| a \\| b | 1 \\| 2 |"));
    }
}
