package fr.wastetrace.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands the stack's real PostgreSQL, Kafka and Redis to a {@code @QuarkusTest}: a database of its own (created for
 * the run, dropped after it, with its replication slots), topic names and a Redis database of its own, so that tests
 * never touch the data of a running local suite nor of another test run.
 *
 * <p>Use with {@code @WithTestResource(BackingServices.class)}; every test class of a module that declares the same
 * resource shares one Quarkus boot.
 */
public class BackingServices implements QuarkusTestResourceLifecycleManager {
    private static final long STALE_AFTER_SECONDS = 6 * 3600;

    private String adminUrl;
    private String user;
    private String password;
    private String database;

    @Override
    public Map<String, String> start() {
        Map<String, String> env = Stack.ensureBacking();
        user = env.get("DB_USER");
        password = env.get("DB_PASSWORD");
        String hostPort = env.get("PG_HOST") + ":" + env.get("PG_PORT");
        adminUrl = "jdbc:postgresql://" + hostPort + "/postgres";
        String module = System.getProperty("wastetrace.module", "tests").replaceAll("[^a-z0-9]", "_");
        String runId = Long.toString(System.currentTimeMillis() / 1000) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        database = "t_" + module + "_" + runId;
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = admin.createStatement()) {
            dropStaleTestDatabases(admin);
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort + "/" + database);
        config.put("quarkus.datasource.username", user);
        config.put("quarkus.datasource.password", password);
        config.put("kafka.bootstrap.servers", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        config.put("quarkus.redis.hosts", env.get("REDIS_URL") + "/" + ThreadLocalRandom.current().nextInt(1, 16));
        config.put("wastetrace.identity.secret", TestIdentity.SECRET);
        config.put("wastetrace.test.run-id", runId);
        config.put("wastetrace.topics.suffix", "." + module + "." + runId);
        return config;
    }

    @Override
    public void stop() {
        if (database == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password)) {
            drop(admin, database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the test database " + database, e);
        }
    }

    /** Test databases of killed runs would pile up (with their slots holding WAL): remove those older than 6 hours. */
    private static void dropStaleTestDatabases(Connection admin) throws SQLException {
        List<String> stale = new ArrayList<>();
        long now = System.currentTimeMillis() / 1000;
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("select datname from pg_database where datname like 't\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.split("_");
                try {
                    long created = Long.parseLong(parts[parts.length - 2]);
                    if (now - created > STALE_AFTER_SECONDS) {
                        stale.add(name);
                    }
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException ignored) {
                    // not one of ours
                }
            }
        }
        for (String name : stale) {
            drop(admin, name);
        }
    }

    private static void drop(Connection admin, String name) throws SQLException {
        try (PreparedStatement slots = admin.prepareStatement(
                "select pg_terminate_backend(active_pid) from pg_replication_slots where database = ? and active_pid is not null")) {
            slots.setString(1, name);
            slots.execute();
        }
        try (PreparedStatement slots = admin.prepareStatement(
                "select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = ? and not active")) {
            slots.setString(1, name);
            slots.execute();
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }
}
