package fr.wastetrace.bench.core;

import fr.wastetrace.bench.stack.Procfs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU of PostgreSQL's processes over a period, per kind: the client backends of each database, the WAL senders
 * (logical decoding for the outbox relays), the background processes. Processes are named by
 * {@code pg_stat_activity} at the start and the end; a backend that exits in between is not counted here (the
 * postmaster's process tree, {@link CpuMeter}, gives the total).
 */
public final class PgBackendCpu {
    private final Connection connection;
    private final Map<Long, Double> atStart = new HashMap<>();

    public PgBackendCpu(Connection connection) {
        this.connection = connection;
    }

    public PgBackendCpu start() throws SQLException {
        kinds().keySet().forEach(pid -> atStart.put(pid, cpu(pid)));
        return this;
    }

    /** CPU seconds used since {@link #start()} per kind ("client backends of bsd", "walsender"...), largest first. */
    public Map<String, Double> stop() throws SQLException {
        Map<String, Double> byKind = new HashMap<>();
        kinds().forEach((pid, kind) -> {
            double used = cpu(pid) - atStart.getOrDefault(pid, 0.0);
            byKind.merge(kind, Math.max(0, used), Double::sum);
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        byKind.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private Map<Long, String> kinds() throws SQLException {
        Map<Long, String> kinds = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select pid, datname, backend_type from pg_stat_activity")) {
            while (rs.next()) {
                String type = rs.getString(3);
                String database = rs.getString(2);
                kinds.put(rs.getLong(1), "client backend".equals(type) && database != null
                        ? "client backends of " + database : type);
            }
        }
        return kinds;
    }

    private static double cpu(long pid) {
        try {
            return Procfs.cpuSeconds(pid);
        } catch (IllegalStateException exited) {
            return 0;
        }
    }
}
