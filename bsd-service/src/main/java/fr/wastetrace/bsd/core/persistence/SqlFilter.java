package fr.wastetrace.bsd.core.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A SQL condition and its parameters, built from a type's {@code where} input. The expressions are written by the
 * type (a column or a {@code data} path); values are always bound, never concatenated.
 */
public final class SqlFilter {
    private final String sql;
    private final List<Object> params;

    private SqlFilter(String sql, List<Object> params) {
        this.sql = sql;
        this.params = List.copyOf(params);
    }

    public static SqlFilter of(String sql, Object... params) {
        List<Object> values = new ArrayList<>();
        for (Object p : params) {
            values.add(p instanceof Instant i ? Timestamp.from(i) : p);
        }
        return new SqlFilter(sql, values);
    }

    public static SqlFilter always() {
        return new SqlFilter("true", List.of());
    }

    public static SqlFilter and(Collection<SqlFilter> filters) {
        return join(filters, " and ", "true");
    }

    public static SqlFilter or(Collection<SqlFilter> filters) {
        return join(filters, " or ", "false");
    }

    public static SqlFilter not(SqlFilter filter) {
        return new SqlFilter("not coalesce((" + filter.sql + "), false)", filter.params);
    }

    private static SqlFilter join(Collection<SqlFilter> filters, String op, String empty) {
        if (filters.isEmpty()) {
            return new SqlFilter(empty, List.of());
        }
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (SqlFilter f : filters) {
            parts.add("(" + f.sql + ")");
            params.addAll(f.params);
        }
        return new SqlFilter(String.join(op, parts), params);
    }

    /** {@code expression = ?}. */
    public static SqlFilter eq(String expression, Object value) {
        return of(expression + " = ?", value);
    }

    /** {@code expression = any(?)} with a text array. */
    public static SqlFilter in(String expression, Collection<String> values) {
        return of(expression + " = any(?)", new TextArray(values));
    }

    public static SqlFilter contains(String expression, String value) {
        return of(expression + " ilike ?", "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    public String sql() {
        return sql;
    }

    public List<Object> params() {
        return params;
    }

    /** A text[] parameter. */
    public record TextArray(Collection<String> values) {
    }
}
