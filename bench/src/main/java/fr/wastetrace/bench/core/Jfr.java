package fr.wastetrace.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Java Flight Recorder profile of a running service JVM ({@code jcmd <pid> JFR.start/stop}), summarised as the
 * methods most often on top of the stack in execution samples: what limits a benchmark that misses its goal.
 */
public final class Jfr {
    private final long pid;
    private final Path file;
    private final String name;

    private Jfr(long pid, Path file, String name) {
        this.pid = pid;
        this.file = file;
        this.name = name;
    }

    /** Starts a profiling recording ({@code settings=profile}: execution samples every 10-20 ms). */
    public static Jfr start(long pid, Path file) throws IOException, InterruptedException {
        return start(pid, file, "profile");
    }

    /** Starts a recording with the given settings ({@code default} is enough for heap summaries, at lower cost). */
    public static Jfr start(long pid, Path file, String settings) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        String name = "bench-" + System.nanoTime();
        run("jcmd", String.valueOf(pid), "JFR.start", "name=" + name, "settings=" + settings);
        return new Jfr(pid, file, name);
    }

    /** Heap occupancy seen by the garbage collector during a recording, in bytes. */
    public record Heap(long peakBeforeGc, long maxAfterGc, int collections) {
    }

    /** Stops the recording and reads its {@code jdk.GCHeapSummary} events (heap used before and after each GC). */
    public Heap stopAndReadHeap() throws IOException, InterruptedException {
        run("jcmd", String.valueOf(pid), "JFR.stop", "name=" + name, "filename=" + file);
        String json = run("jfr", "print", "--json", "--events", "jdk.GCHeapSummary", file.toString());
        long before = 0;
        long after = 0;
        int collections = 0;
        for (JsonNode event : new ObjectMapper().readTree(json)
                .path("recording").path("events")) {
            JsonNode values = event.path("values");
            long used = values.path("heapUsed").asLong();
            if ("After GC".equals(values.path("when").asText())) {
                after = Math.max(after, used);
                collections++;
            } else {
                before = Math.max(before, used);
            }
        }
        return new Heap(before, after, collections);
    }

    /** Stops the recording and returns the {@code top} hottest methods with their share of the samples. */
    public String stopAndSummarise(int top) throws IOException, InterruptedException {
        run("jcmd", String.valueOf(pid), "JFR.stop", "name=" + name, "filename=" + file);
        String samples = run("jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "1", file.toString());
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (String line : samples.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.contains(" line:") && trimmed.indexOf('(') > 0) {
                String method = trimmed.substring(0, trimmed.indexOf('('));
                counts.merge(method, 1, Integer::sum);
                total++;
            }
        }
        if (total == 0) {
            return "no execution samples (" + file + ")";
        }
        int all = total;
        List<Map.Entry<String, Integer>> hottest = new ArrayList<>(counts.entrySet());
        hottest.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        return hottest.stream().limit(top).map(e -> String.format(Locale.ROOT, "`%s` %.0f%%", e.getKey(), 100.0 * e.getValue() / all))
                .collect(Collectors.joining(", ")) + " (" + all + " samples; recording " + file.getFileName() + ")";
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
