package fr.wastetrace.testing;

import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own for one test run, in the stack's real PostgreSQL: created empty, dropped afterwards with its
 * replication slots. Databases of killed runs older than six hours are dropped when the next one is created.
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password, String runId) implements AutoCloseable {
    private static final long STALE_AFTER_SECONDS = 6 * 3600;

    public static TestDatabase create(String label) {
        Map<String, String> env = Stack.ensureBacking();
        String hostPort = env.get("PG_HOST") + ":" + env.get("PG_PORT");
        String user = env.get("DB_USER");
        String password = env.get("DB_PASSWORD");
        String runId = System.currentTimeMillis() / 1000 + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        String name = "t_" + label.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + runId;
        try (Connection admin = admin(hostPort, user, password); Statement statement = admin.createStatement()) {
            dropStale(admin);
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database", e);
        }
        return new TestDatabase(name, "jdbc:postgresql://" + hostPort + "/" + name, user, password, runId);
    }

    public Connection connect() throws SQLException {
        return open(jdbcUrl, user, password);
    }

    /** Opens a connection with the driver class itself: DriverManager misses it under Quarkus' test class loaders. */
    static Connection open(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return new Driver().connect(url, properties);
    }

    @Override
    public void close() {
        String hostPort = jdbcUrl.substring("jdbc:postgresql://".length(), jdbcUrl.lastIndexOf('/'));
        try (Connection admin = admin(hostPort, user, password)) {
            drop(admin, name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the test database " + name, e);
        }
    }

    private static Connection admin(String hostPort, String user, String password) throws SQLException {
        return open("jdbc:postgresql://" + hostPort + "/postgres", user, password);
    }

    private static void dropStale(Connection admin) throws SQLException {
        List<String> stale = new ArrayList<>();
        long now = System.currentTimeMillis() / 1000;
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("select datname from pg_database where datname like 't\\_%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).split("_");
                try {
                    if (now - Long.parseLong(parts[parts.length - 2]) > STALE_AFTER_SECONDS) {
                        stale.add(rs.getString(1));
                    }
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException ignored) {
                    // not a database of this harness
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
