package fr.wastetrace.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Process figures from {@code /proc} (Linux). */
public final class Procfs {
    private Procfs() {
    }

    /** VmRSS of a process, in MiB. */
    public static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " is gone", e);
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /** CPU time (user + system) the process has used so far, in seconds (clock ticks of 1/100 s). */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command name: field 3 is the state, so utime (field 14) and stime (field 15) are at 11 and 12.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " is gone", e);
        }
    }

    /** CPU seconds of a process and its live descendants (PostgreSQL's backends are children of the postmaster). */
    public static double treeCpuSeconds(long pid) {
        double total = cpuSeconds(pid);
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
            try {
                total += cpuSeconds(child.pid());
            } catch (IllegalStateException exited) {
                // a child that exited meanwhile
            }
        }
        return total;
    }

    /**
     * The threads of a process whose name starts with {@code prefix} ({@code /proc/<pid>/task/<tid>/comm}, 15
     * characters at most): how many there are and how many are running or runnable (state R).
     */
    public static int[] threads(long pid, String prefix) {
        int alive = 0;
        int running = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (!Files.readString(task.resolve("comm")).startsWith(prefix)) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    alive++;
                    if (stat.charAt(stat.lastIndexOf(')') + 2) == 'R') {
                        running++;
                    }
                } catch (IOException exited) {
                    // a thread that ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " is gone", e);
        }
        return new int[] {alive, running};
    }

    /** Total size in bytes of the regular files under {@code dir} the process holds open (its temporary files). */
    public static long openFileBytes(long pid, String dirPrefix) {
        long total = 0;
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.toString().startsWith(dirPrefix)) {
                        total += Files.size(fd);
                    }
                } catch (IOException vanished) {
                    // closed between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " is gone", e);
        }
        return total;
    }
}
