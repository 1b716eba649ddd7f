package fr.wastetrace.bench.stack;

import fr.wastetrace.testing.Stack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The local stack the benchmarks run against: the addresses {@code deploy/local/up} wrote to {@code .run/env} of this
 * tree (so whatever {@code WASTETRACE_PORT_OFFSET} the stack was started with).
 */
public record BenchStack(Path root, Map<String, String> env) {

    public static BenchStack current() {
        Path root = Stack.root();
        if (!Files.exists(root.resolve(".run/env"))) {
            throw new IllegalStateException("no local stack: run deploy/local/up first (" + root.resolve(".run/env") + " is missing)");
        }
        return new BenchStack(root, Stack.env());
    }

    public String get(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is missing from .run/env: restart the stack with deploy/local/up");
        }
        return value;
    }

    public String gatewayUrl() {
        return get("GATEWAY_URL");
    }

    public String serviceUrl(String service) {
        return switch (service) {
            case "gateway" -> gatewayUrl();
            case "bsd-service" -> get("BSD_SERVICE_URL");
            case "company-service" -> get("COMPANY_SERVICE_URL");
            case "registry-service" -> get("REGISTRY_SERVICE_URL");
            default -> throw new IllegalArgumentException("unknown service " + service);
        };
    }

    public int pgPort() {
        return Integer.parseInt(get("PG_PORT"));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + get("PG_HOST") + ":" + pgPort() + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), get("DB_USER"), get("DB_PASSWORD"));
    }

    public String kafka() {
        return get("KAFKA_BOOTSTRAP_SERVERS");
    }

    public URI redis() {
        return URI.create(get("REDIS_URL"));
    }

    public String identitySecret() {
        return get("INTERNAL_IDENTITY_SECRET");
    }

    /** The copy of a service's build that the stack runs ({@code .run/apps/<service>}), else its build output. */
    public Path serviceJar(String service) {
        Path running = root.resolve(".run/apps/" + service + "/quarkus-run.jar");
        return Files.exists(running) ? running : root.resolve(service + "/target/quarkus-app/quarkus-run.jar");
    }

    /** The PID of a process the stack started, from {@code .run/pids}. */
    public long pid(String name) {
        try {
            return Long.parseLong(Files.readString(root.resolve(".run/pids/" + name + ".pid")).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(name + " is not running in this stack (no .run/pids/" + name + ".pid)", e);
        }
    }
}
