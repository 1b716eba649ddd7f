package fr.wastetrace.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stack's processes, as {@code deploy/local/up} started them (PIDs in {@code .run/pids}), plus a second bsd relay
 * the campaign starts itself: the bsd-service build with only its relay on ({@code OUTBOX_RELAY_ENABLED=true},
 * {@code COMPANY_EVENTS_ENABLED=false}), as the Helm chart's relay Deployment runs it. With bsd-service's own relay,
 * that makes two relay instances on the bsd database: one active, one standing by.
 */
final class Processes {
    static final String BSD_RELAY = "bsd-relay";

    private final Path root;
    private final Map<String, String> env;
    private final int relayPort;
    private Process bsdRelay;

    Processes(Path root, Map<String, String> env, int relayPort) {
        this.root = root;
        this.env = env;
        this.relayPort = relayPort;
    }

    long pid(String name) {
        if (name.equals(BSD_RELAY)) {
            return bsdRelay != null && bsdRelay.isAlive() ? bsdRelay.pid() : -1;
        }
        try {
            return Long.parseLong(Files.readString(root.resolve(".run/pids/" + name + ".pid")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** SIGKILL, as {@code kill -9}. */
    void kill(String name) {
        long pid = pid(name);
        if (pid <= 0) {
            throw new IllegalStateException(name + " is not running");
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    /** PostgreSQL stopped in immediate mode: no checkpoint, crash recovery at the next start (a crash, by its owner). */
    void crashPostgres() throws IOException, InterruptedException {
        Path bin = root.resolve(".run/pg/dist/bin/pg_ctl");
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "wastetrace-pg", "--"));
        }
        command.addAll(List.of(bin.toString(), "-D", root.resolve(".run/pg/data").toString(), "-m", "immediate", "-w", "stop"));
        run(command, 120);
    }

    /** {@code deploy/local/up}: starts again whatever is not running, and waits until every service is ready. */
    void up() throws IOException, InterruptedException {
        run(List.of(root.resolve("deploy/local/up").toString()), 900);
    }

    /** Starts the second bsd relay when it is not running. */
    void ensureBsdRelay() throws IOException {
        if (bsdRelay != null && bsdRelay.isAlive()) {
            return;
        }
        Path app = root.resolve(".run/apps/" + BSD_RELAY);
        Path built = root.resolve(".run/apps/bsd-service");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            copyTree(built, app);
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-jar",
                app.resolve("quarkus-run.jar").toString());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(relayPort));
        builder.environment().put("QUARKUS_PROFILE", "local");
        builder.environment().put("DB_URL", "jdbc:postgresql://127.0.0.1:" + env.get("PG_PORT") + "/bsd");
        builder.environment().put("OUTBOX_RELAY_ENABLED", "true");
        builder.environment().put("COMPANY_EVENTS_ENABLED", "false");
        builder.environment().put("SUBSCRIPTIONS_ENABLED", "false");
        builder.environment().put("PUBLIC_URL", env.get("GATEWAY_URL"));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                root.resolve(".run/logs/" + BSD_RELAY + ".log").toFile()));
        bsdRelay = builder.start();
    }

    /** Stops the second bsd relay (SIGTERM, then SIGKILL after 30 s). */
    void stopBsdRelay() throws InterruptedException {
        if (bsdRelay != null && bsdRelay.isAlive()) {
            bsdRelay.destroy();
            if (!bsdRelay.waitFor(30, TimeUnit.SECONDS)) {
                bsdRelay.destroyForcibly().waitFor();
            }
        }
    }

    private void run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve(".run/logs/chaos-commands.log").toFile()))
                .start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                    + "; see .run/logs/chaos-commands.log)");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
