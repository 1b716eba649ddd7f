package fr.wastetrace.bench;

import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;

/** One benchmark: measures a figure and its baseline in the same run, and says which goals it meets. */
public interface Benchmark {
    String id();

    Report run(BenchStack stack, Options options) throws Exception;
}
