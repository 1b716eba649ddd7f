package fr.wastetrace.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The project's local stack, as tests see it. Tests never start backing services their own way: they call the same
 * {@code deploy/local/up} that developers use, which reuses whatever already runs (so one set of PostgreSQL, Kafka and
 * Redis serves the whole build) and starts what is missing. {@code deploy/local/down} stops it all.
 */
public final class Stack {
    private static boolean backingReady;
    private static boolean fullReady;

    private Stack() {
    }

    /** PostgreSQL, Kafka and Redis are running; returns the stack's environment ({@code .run/env}). */
    public static synchronized Map<String, String> ensureBacking() {
        if (!backingReady && !fullReady) {
            up("--backing");
            backingReady = true;
        }
        return env();
    }

    /** PostgreSQL, Kafka, Redis and Keycloak are running (not the services). */
    public static synchronized Map<String, String> ensureKeycloak() {
        if (!fullReady) {
            up("--no-services");
            backingReady = true;
        }
        return env();
    }

    /** The whole suite runs (backing services, Keycloak and the four services built from this tree). */
    public static synchronized Map<String, String> ensureFull() {
        if (!fullReady) {
            up();
            fullReady = true;
        }
        return env();
    }

    /**
     * Stops one of the four services as an orchestrator would (SIGTERM, then SIGKILL after 60 s), for a test of what its
     * clients see while it is away; the next {@link #ensureFull()} starts it again ({@code deploy/local/up}).
     */
    public static synchronized void stopService(String service) {
        Path pidFile = root().resolve(".run/pids/" + service + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isPresent()) {
                process.get().destroy();
                try {
                    process.get().onExit().get(60, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    process.get().destroyForcibly();
                    process.get().onExit().get(30, TimeUnit.SECONDS);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(service + " was not started by deploy/local/up (no PID in " + pidFile + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + service, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(service + " did not stop", e);
        }
        fullReady = false;
    }

    public static Path root() {
        String configured = System.getProperty("wastetrace.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("deploy/local/up"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/local/up not found above " + start);
    }

    private static void up(String... options) {
        Path root = root();
        Path logFile = root.resolve(".run/logs/test-harness-up.log");
        try {
            Files.createDirectories(logFile.getParent());
            List<String> command = new ArrayList<>(List.of(root.resolve("deploy/local/up").toString()));
            command.addAll(List.of(options));
            Process process = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("deploy/local/up did not finish in 30 minutes; see " + logFile);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("deploy/local/up " + String.join(" ", options) + " failed:\n" + tail(logFile));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run deploy/local/up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the stack", e);
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The variables written by {@code deploy/local/up} to {@code .run/env}. */
    public static Map<String, String> env() {
        Path file = root().resolve(".run/env");
        Map<String, String> env = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (!trimmed.startsWith("export ")) {
                    continue;
                }
                String assignment = trimmed.substring("export ".length());
                int eq = assignment.indexOf('=');
                env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("no stack environment at " + file + ": run deploy/local/up", e);
        }
        return env;
    }
}
