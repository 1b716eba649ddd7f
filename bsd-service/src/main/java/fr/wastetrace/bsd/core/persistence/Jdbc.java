package fr.wastetrace.bsd.core.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JDBC plumbing of bsd-service's repositories: a statement on a connection of the caller's transaction, its
 * parameters bound (as a list, or by a binder for statements that need more), its rows mapped. Parameters in a list
 * are bound by type: a {@link SqlFilter.TextArray} or a {@code String[]} as {@code text[]}, {@link #NULL_TIMESTAMP} as
 * a typed null, anything else with {@code setObject}.
 */
@ApplicationScoped
public class Jdbc {
    /** A null bound as a timestamp (a bare null has no type for the driver). */
    public static final Object NULL_TIMESTAMP = new Object() {
        @Override
        public String toString() {
            return "NULL_TIMESTAMP";
        }
    };

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Binds a statement's parameters by hand. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Binds a statement's parameters by hand, with the connection at hand (to create SQL arrays). */
    @FunctionalInterface
    public interface ConnectionBinder {
        void bind(Connection c, PreparedStatement ps) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    @Inject
    public Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> query(String sql, List<?> params, RowMapper<T> mapper) {
        return query(sql, (c, ps) -> bind(c, ps, params), mapper);
    }

    public <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        return query(sql, (c, ps) -> binder.bind(ps), mapper);
    }

    public <T> List<T> query(String sql, ConnectionBinder binder, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + summary(sql), e);
        }
    }

    /** A write; the number of rows it changed. */
    public int update(String sql, List<?> params) {
        return update(sql, (c, ps) -> bind(c, ps, params));
    }

    public int update(String sql, Binder binder) {
        return update(sql, (c, ps) -> binder.bind(ps));
    }

    public int update(String sql, ConnectionBinder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(c, ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("write failed: " + summary(sql), e);
        }
    }

    /** Binds {@code params} in order, by type (see the class comment). */
    public static void bind(Connection c, PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof SqlFilter.TextArray a) {
                ps.setArray(i + 1, c.createArrayOf("text", a.values().toArray()));
            } else if (p instanceof String[] a) {
                ps.setArray(i + 1, c.createArrayOf("text", a));
            } else if (p == NULL_TIMESTAMP) {
                ps.setNull(i + 1, Types.TIMESTAMP);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static String summary(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 80) + "…";
    }
}
