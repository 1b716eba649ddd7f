package fr.wastetrace.registry.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A fragment of a {@code where} clause whose values are all bind parameters ({@code ?}): the SQL text itself only
 * ever holds column names and operators chosen by the code, never user input.
 */
public record SqlCondition(String sql, List<Object> parameters) {
    public static final SqlCondition TRUE = new SqlCondition("true", List.of());

    public SqlCondition {
        parameters = List.copyOf(parameters);
    }

    /** Binds the parameters from position {@code first}; returns the next free position. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int position = first;
        for (Object value : parameters) {
            bindValue(statement, position++, value);
        }
        return position;
    }

    static void bindValue(PreparedStatement statement, int position, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(position, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof String[] array) {
            statement.setArray(position, statement.getConnection().createArrayOf("text", array));
        } else if (value instanceof Double number) {
            statement.setDouble(position, number);
        } else if (value == null) {
            statement.setNull(position, Types.NULL);
        } else {
            statement.setString(position, value.toString());
        }
    }
}
