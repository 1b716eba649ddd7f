package fr.wastetrace.bench.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service JVM the benchmark starts itself (a second gateway, a registry-service on its own topic, cold starts): the
 * stack's environment plus overrides, its own port and log file; stopped by its PID when the benchmark ends.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final long startedNanos;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, long startedNanos, int port, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.port = port;
        this.log = log;
    }

    /** Starts {@link MinimalServer} from the benchmark's own classpath, as the baseline of a cold start. */
    public static ServiceProcess startMinimal(Path log) throws IOException {
        int port = freePort();
        Files.createDirectories(log.getParent());
        List<String> command = List.of(javaBin(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                MinimalServer.class.getName(), String.valueOf(port));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        return new ServiceProcess(process, started, port, log);
    }

    /** Starts {@code service}'s jar with the stack's environment, {@code QUARKUS_PROFILE=local} and {@code overrides}. */
    public static ServiceProcess start(BenchStack stack, String service, Map<String, String> overrides, List<String> jvmOptions,
                                       List<String> arguments, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", stack.serviceJar(service).toString()));
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(stack.env());
        env.put("QUARKUS_PROFILE", "local");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        if (!service.equals("gateway")) {
            env.put("DB_URL", stack.jdbcUrl(service.substring(0, service.indexOf("-service"))));
        }
        env.putAll(overrides);
        long started = System.nanoTime();
        return new ServiceProcess(builder.start(), started, port, log);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Waits until {@code /q/health/ready} answers 200; returns the seconds since the process was started. */
    public double awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process exited with " + process.exitValue() + " (log: " + log + ")");
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not ready after " + limit.toSeconds() + " s (log: " + log + ")");
    }

    /** Waits for the process to exit by itself (a one-off command); returns its exit code. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + limit.toSeconds() + " s (log: " + log + ")");
        }
        return process.exitValue();
    }

    /** Resident set size of the process, in MiB (from {@code /proc/<pid>/status}). */
    public double rssMiB() {
        return Procfs.rssMiB(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
