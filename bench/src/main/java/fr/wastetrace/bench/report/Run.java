package fr.wastetrace.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** When, on what and from which commit a benchmark ran: printed with every figure. */
public record Run(String startedAt, String commit, String machine, String loadAverage) {

    public static Run describe(Path root) {
        return new Run(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                commit(root), describeMachine(), readLoadAverage());
    }

    private static String commit(Path root) {
        String sha = git(root, "rev-parse", "--short=10", "HEAD");
        // BENCHMARKS.md changes with every recorded run: it does not make the measured code differ from the commit.
        String dirty = git(root, "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)BENCHMARKS.md");
        return dirty.isBlank() ? sha : sha + " (with uncommitted changes)";
    }

    private static String describeMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String memKb = firstValue(Path.of("/proc/meminfo"), "MemTotal").replaceAll("[^0-9]", "");
        String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").replace("\"", "");
        double gib = memKb.isEmpty() ? 0 : Long.parseLong(memKb) / 1024.0 / 1024.0;
        return String.format(Locale.ROOT, "%d vCPU %s, %.0f GiB RAM, %s, Java %s", cores, cpu, gib, os,
                System.getProperty("java.version"));
    }

    private static String readLoadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                int sep = line.indexOf(line.contains("=") && !line.contains(":") ? '=' : ':');
                if (sep > 0 && line.substring(0, sep).trim().equals(key)) {
                    return line.substring(sep + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String git(Path root, String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor(10, TimeUnit.SECONDS);
            return process.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
