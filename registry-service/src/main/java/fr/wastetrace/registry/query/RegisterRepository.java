package fr.wastetrace.registry.query;

import fr.wastetrace.registry.register.LineColumns;
import fr.wastetrace.registry.register.RegisterType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads registers by keyset pages over {@code (sort_at, document_id)}. A document involving several of the asked
 * companies is listed once.
 */
@ApplicationScoped
public class RegisterRepository {
    @Inject
    AgroalDataSource dataSource;

    /**
     * A line as read: its id, date key and the values of the columns asked for (indexed like
     * {@link LineColumns#ALL}, the others null).
     */
    public record Row(String documentId, Instant sortAt, Object[] values) {
    }

    /** Where a keyset page starts (exclusive). */
    public record Position(Instant sortAt, String documentId) {
    }

    public int count(RegisterType register, List<String> orgIds, SqlCondition where) {
        String sql = "select count(distinct document_id) from register_line where register = ? and org_id = any(?) and " + where.sql();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            int next = bindScope(select, register, orgIds);
            where.bind(select, next);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count register lines", e);
        }
    }

    /** The position of the line {@code documentId} in this register, if the asked companies have it. */
    public Optional<Position> positionOf(RegisterType register, List<String> orgIds, String documentId) {
        String sql = "select sort_at from register_line where register = ? and org_id = any(?) and document_id = ? limit 1";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            int next = bindScope(select, register, orgIds);
            select.setString(next, documentId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Position(rows.getObject(1, OffsetDateTime.class).toInstant(), documentId))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read a register cursor", e);
        }
    }

    /**
     * Up to {@code limit} lines after {@code from} (before it, in descending order, when {@code backward}); from the
     * start (or the end) when {@code from} is null. Each company's lines are read by its own ordered index range (so
     * a page costs the same at the end of a large register as at its start), then merged.
     */
    public List<Row> page(RegisterType register, List<String> orgIds, SqlCondition where, Position from, boolean backward, int limit,
                          List<LineColumns.Column> columns) {
        String direction = backward ? "desc" : "asc";
        String order = " order by sort_at " + direction + ", document_id " + direction;
        String fields = LineColumns.selectList(columns);
        StringBuilder branch = new StringBuilder("select document_id, sort_at, " + fields + " from register_line "
                + "where register = ? and org_id = ? and ").append(where.sql());
        if (from != null) {
            branch.append(" and (sort_at, document_id) ").append(backward ? "<" : ">").append(" (?, ?)");
        }
        branch.append(order).append(" limit ?");
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < orgIds.size(); i++) {
            branches.add("(" + branch + ")");
        }
        // One company: its index range is the page. Several: merged, a document involving several of them once.
        String sql = orgIds.size() == 1 ? branch.toString()
                : "select distinct on (sort_at, document_id) document_id, sort_at, " + fields + " from ("
                + String.join(" union all ", branches) + ") lines" + order + " limit ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            int next = 1;
            for (String orgId : orgIds) {
                select.setString(next++, register.name());
                select.setString(next++, orgId);
                next = where.bind(select, next);
                if (from != null) {
                    SqlCondition.bindValue(select, next++, from.sortAt());
                    select.setString(next++, from.documentId());
                }
                select.setInt(next++, limit);
            }
            if (orgIds.size() > 1) {
                select.setInt(next, limit);
            }
            List<Row> rows = new ArrayList<>(limit);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getObject(2, OffsetDateTime.class).toInstant(),
                            LineColumns.read(result, 3, columns)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read register lines", e);
        }
    }

    private static int bindScope(PreparedStatement statement, RegisterType register, List<String> orgIds) throws SQLException {
        statement.setString(1, register.name());
        statement.setArray(2, statement.getConnection().createArrayOf("text", orgIds.toArray(String[]::new)));
        return 3;
    }
}
