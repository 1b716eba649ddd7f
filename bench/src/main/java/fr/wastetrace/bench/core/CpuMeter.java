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
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return pids.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(),
                        100 * (Procfs.treeCpuSeconds(e.getValue()) - startCpu.get(e.getKey())) / seconds))
                .collect(Collectors.joining(", "));
    }

    public static long self() {
        return ProcessHandle.current().pid();
    }
}
