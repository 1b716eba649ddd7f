package fr.wastetrace.bench.core;

import fr.wastetrace.bench.stack.Procfs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU used by named processes over a phase, as a share of one core: on a shared 2-core machine this is what tells a
 * service limit from a saturated machine.
 */
public final class CpuMeter {
    private final Map<String, Long> pids;
    private final Map<String, Double> startCpu = new LinkedHashMap<>();
    private long startNanos;

    public CpuMeter(Map<String, Long> pids) {
        this.pids = pids;
    }

    public CpuMeter start() {
        startNanos = System.nanoTime();
        pids.forEach((name, pid) -> startCpu.put(name, Procfs.treeCpuSeconds(pid)));
        return this;
    }

    /** "gateway 87%, bsd-service 54%, driver 31%" (100% = one core) since {@link #start()}. */
    public String stop() {
        return stopAndRead().shares();
    }

    /** The CPU each process used since {@link #start()}, over how long. */
    public Usage stopAndRead() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> used = new LinkedHashMap<>();
        pids.forEach((name, pid) -> used.put(name, Procfs.treeCpuSeconds(pid) - startCpu.get(name)));
        return new Usage(used, seconds);
    }

    /** CPU seconds (user + system, the process and its children) per process name, over {@code seconds} of wall time. */
    public record Usage(Map<String, Double> cpuSeconds, double seconds) {
        /** "gateway 87%, bsd-service 54%" (100% = one core). */
        public String shares() {
            return cpuSeconds.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(),
                    100 * e.getValue() / seconds)).collect(Collectors.joining(", "));
        }

        /** CPU milliseconds of a process per unit of work ({@code count} units done in the period). */
        public double msPer(String name, long count) {
            return count == 0 ? Double.NaN : 1000 * cpuSeconds.get(name) / count;
        }
    }

    public static long self() {
        return ProcessHandle.current().pid();
    }
}
