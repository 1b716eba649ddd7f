package fr.wastetrace.bench.core;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuMeterTest {
    @Test
    void givesSharesOfACoreAndMillisecondsPerUnitOfWork() {
        Map<String, Double> used = new LinkedHashMap<>();
        used.put("gateway", 3.0);
        used.put("bsd-service", 12.0);
        CpuMeter.Usage usage = new CpuMeter.Usage(used, 40.0);

        assertEquals("gateway 8%, bsd-service 30%", usage.shares());
        assertEquals(10.0, usage.msPer("bsd-service", 1200), 1e-9);
        assertTrue(Double.isNaN(usage.msPer("gateway", 0)));
    }

    @Test
    void measuresThisProcess() {
        CpuMeter meter = new CpuMeter(Map.of("self", CpuMeter.self())).start();
        // spin until this thread has used 0.2 s of CPU (by the JVM's own count), however long a loaded machine takes
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + 200_000_000L;
        long spins = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            spins++;
        }
        CpuMeter.Usage usage = meter.stopAndRead();

        assertTrue(spins > 0);
        // /proc counts in ticks of 10 ms: the process used at least this thread's 0.2 s
        assertTrue(usage.cpuSeconds().get("self") >= 0.18, "0.2 s of CPU spent: " + usage.cpuSeconds());
    }
}
