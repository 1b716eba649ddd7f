package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.registry.graphql.AllWaste;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The typed columns of {@code register_line}: one per field of the contract's register line ({@code AllWaste}, the
 * union of the five register types, type-specific fields included), in file order ({@link Columns#LABELS}), then the
 * few fields the mappings write beyond the contract ({@link #EXTRA_FIELDS}). A line's
 * fields travel as an {@code Object[]} indexed like {@link #ALL}: {@link String} (texts and enums), {@link Instant}
 * ({@code DateTime} fields, microseconds as PostgreSQL keeps them), {@link Double}, {@link Boolean},
 * {@code List<String>} or {@code List<Double>}; null when the line has no value.
 */
public final class LineColumns {
    /** How a field is stored. */
    public enum Kind {
        TEXT("text"), TIMESTAMP("timestamptz"), DOUBLE("double precision"), BOOLEAN("boolean"),
        TEXT_LIST("text[]"), DOUBLE_LIST("double precision[]");

        public final String sqlType;

        Kind(String sqlType) {
            this.sqlType = sqlType;
        }
    }

    /** One field of the line: its contract name, its column, how it is stored, its index in a line's values. */
    public record Column(String field, String column, Kind kind, int index) {
    }

    /**
     * Fields the mappings write that no register type shows (so neither the files nor the GraphQL nodes), but that the
     * national registry's feed has always carried in its lines: kept as columns after the contract's.
     */
    static final List<String> EXTRA_FIELDS = List.of("initialEmitterCompanyMail", "workerCompanyMail", "transporterCustomInfo");

    /** Every column: the contract's in file order, then {@link #EXTRA_FIELDS}. */
    public static final List<Column> ALL = catalogue();
    private static final Map<String, Column> BY_FIELD = byField();
    /**
     * The order in which a line's JSON lists its fields: PostgreSQL's {@code jsonb} order (shorter names first, then
     * bytewise), the order of the JSON document the lines were stored as, so that the feed's lines read the same.
     */
    private static final List<Column> JSON_ORDER = jsonOrder();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<RegisterType, List<Column>> BY_REGISTER = byRegister();

    private LineColumns() {
    }

    /** The columns of a register's type, in file order (what its GraphQL nodes and its files show). */
    public static List<Column> of(RegisterType register) {
        return BY_REGISTER.get(register);
    }

    public static Column of(String field) {
        Column column = BY_FIELD.get(field);
        if (column == null) {
            throw new IllegalArgumentException("not a register line field: " + field);
        }
        return column;
    }

    /** The column names of these fields, comma-separated, for a select list. */
    public static String selectList(List<Column> columns) {
        StringBuilder sql = new StringBuilder();
        for (Column column : columns) {
            if (!sql.isEmpty()) {
                sql.append(", ");
            }
            sql.append(column.column());
        }
        return sql.toString();
    }

    /**
     * A line's values from its fields as a mapping wrote them; a field that is not the contract's, or whose JSON type
     * does not fit its column, is a mapping error ({@link IllegalStateException}).
     */
    public static Object[] values(ObjectNode data) {
        Object[] values = new Object[ALL.size()];
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Column column = BY_FIELD.get(field.getKey());
            if (column == null) {
                throw new IllegalStateException("the register line field " + field.getKey() + " is not a field of the contract");
            }
            values[column.index()] = value(column, field.getValue());
        }
        return values;
    }

    private static Object value(Column column, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (column.kind()) {
            case TEXT -> {
                require(node.isTextual(), column, node);
                yield node.textValue();
            }
            case TIMESTAMP -> {
                require(node.isTextual(), column, node);
                yield instant(node.textValue(), column);
            }
            case DOUBLE -> {
                require(node.isNumber(), column, node);
                yield node.doubleValue();
            }
            case BOOLEAN -> {
                require(node.isBoolean(), column, node);
                yield node.booleanValue();
            }
            case TEXT_LIST -> {
                require(node.isArray(), column, node);
                List<String> list = new ArrayList<>(node.size());
                node.forEach(item -> {
                    require(item.isTextual(), column, item);
                    list.add(item.textValue());
                });
                yield Collections.unmodifiableList(list);
            }
            case DOUBLE_LIST -> {
                require(node.isArray(), column, node);
                List<Double> list = new ArrayList<>(node.size());
                node.forEach(item -> {
                    require(item.isNumber(), column, item);
                    list.add(item.doubleValue());
                });
                yield Collections.unmodifiableList(list);
            }
        };
    }

    private static Instant instant(String text, Column column) {
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException again) {
                throw new IllegalStateException("the register line field " + column.field() + " is not an instant: " + text);
            }
        }
    }

    private static void require(boolean fits, Column column, JsonNode node) {
        if (!fits) {
            throw new IllegalStateException("the register line field " + column.field() + " (" + column.kind()
                    + ") cannot hold " + node);
        }
    }

    /** The line as a JSON object named like {@code AllWaste} (the feed's lines, the GraphQL nodes); no key for no value. */
    public static ObjectNode json(Object[] values) {
        ObjectNode data = JSON.objectNode();
        for (Column column : JSON_ORDER) {
            Object value = values[column.index()];
            if (value == null) {
                continue;
            }
            switch (column.kind()) {
                case TEXT -> data.put(column.field(), (String) value);
                case TIMESTAMP -> data.put(column.field(), value.toString());
                case DOUBLE -> data.put(column.field(), (Double) value);
                case BOOLEAN -> data.put(column.field(), (Boolean) value);
                case TEXT_LIST -> {
                    ArrayNode list = data.putArray(column.field());
                    for (Object item : (List<?>) value) {
                        list.add((String) item);
                    }
                }
                case DOUBLE_LIST -> {
                    ArrayNode list = data.putArray(column.field());
                    for (Object item : (List<?>) value) {
                        list.add((Double) item);
                    }
                }
            }
        }
        return data;
    }

    /** Whether two lines' values are the same (what the database would hold for each). */
    public static boolean same(Object[] a, Object[] b) {
        return Arrays.equals(a, b);
    }

    /**
     * Reads columns {@code columns} of the current row, the first at result column {@code first}, into a line's
     * values (indexed like {@link #ALL}; the others stay null).
     */
    public static Object[] read(ResultSet row, int first, List<Column> columns) throws SQLException {
        Object[] values = new Object[ALL.size()];
        int position = first;
        for (Column column : columns) {
            values[column.index()] = read(row, position++, column.kind());
        }
        return values;
    }

    /** One column of the current row as a line value. */
    public static Object read(ResultSet row, int position, Kind kind) throws SQLException {
        switch (kind) {
            case TEXT:
                return row.getString(position);
            case TIMESTAMP: {
                OffsetDateTime time = row.getObject(position, OffsetDateTime.class);
                return time == null ? null : time.toInstant();
            }
            case DOUBLE: {
                double value = row.getDouble(position);
                return row.wasNull() ? null : value;
            }
            case BOOLEAN: {
                // "t" / "f" (the driver's getBoolean converts through a slower general path)
                String value = row.getString(position);
                return value == null ? null : value.equals("t") || value.equals("true");
            }
            case TEXT_LIST: {
                Array array = row.getArray(position);
                if (array == null) {
                    return null;
                }
                Object[] items = (Object[]) array.getArray();
                List<String> list = new ArrayList<>(items.length);
                for (Object item : items) {
                    list.add((String) item);
                }
                return Collections.unmodifiableList(list);
            }
            case DOUBLE_LIST: {
                Array array = row.getArray(position);
                if (array == null) {
                    return null;
                }
                Object[] items = (Object[]) array.getArray();
                List<Double> list = new ArrayList<>(items.length);
                for (Object item : items) {
                    list.add(((Number) item).doubleValue());
                }
                return Collections.unmodifiableList(list);
            }
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /**
     * A value as PostgreSQL reads it back from text ({@code ::timestamptz}, {@code ::float8}, {@code ::boolean},
     * {@code ::text[]}, {@code ::float8[]}): how the projection sends a poll's lines in one statement, a text array
     * per column.
     */
    public static String sqlText(Kind kind, Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case TEXT -> (String) value;
            case TIMESTAMP, DOUBLE, BOOLEAN -> value.toString();
            case TEXT_LIST, DOUBLE_LIST -> arrayLiteral((List<?>) value);
        };
    }

    /** {@code {"a","b \"c\""}}: every item quoted, quotes and backslashes escaped. */
    private static String arrayLiteral(List<?> items) {
        StringBuilder literal = new StringBuilder("{");
        for (Object item : items) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            if (item == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            String text = item.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    /** {@code transporter2CompanyName} → {@code transporter2_company_name}. */
    static String columnName(String field) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static List<Column> catalogue() {
        Map<String, Field> fields = new HashMap<>();
        for (Field field : AllWaste.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                fields.put(field.getName(), field);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (String name : Columns.LABELS.keySet()) {
            Field field = Objects.requireNonNull(fields.get(name), name);
            columns.add(new Column(name, columnName(name), kind(field), columns.size()));
        }
        if (columns.size() != fields.size()) {
            throw new IllegalStateException("the register line's fields and their labels differ");
        }
        for (String extra : EXTRA_FIELDS) {
            columns.add(new Column(extra, columnName(extra), Kind.TEXT, columns.size()));
        }
        return List.copyOf(columns);
    }

    private static Kind kind(Field field) {
        Class<?> type = field.getType();
        if (type == String.class || type.isEnum()) {
            return Kind.TEXT;
        }
        if (type == Instant.class) {
            return Kind.TIMESTAMP;
        }
        if (type == Double.class) {
            return Kind.DOUBLE;
        }
        if (type == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type == List.class) {
            Type item = ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
            String name = item.getTypeName();
            if (name.endsWith("String")) {
                return Kind.TEXT_LIST;
            }
            if (name.endsWith("Double")) {
                return Kind.DOUBLE_LIST;
            }
        }
        throw new IllegalStateException("no column type for the register line field " + field.getName() + " (" + field.getGenericType() + ")");
    }

    private static Map<String, Column> byField() {
        Map<String, Column> map = new HashMap<>();
        ALL.forEach(column -> map.put(column.field(), column));
        return Map.copyOf(map);
    }

    private static Map<RegisterType, List<Column>> byRegister() {
        Map<RegisterType, List<Column>> map = new EnumMap<>(RegisterType.class);
        for (RegisterType register : RegisterType.values()) {
            map.put(register, Columns.of(register).stream().map(BY_FIELD::get).toList());
        }
        return map;
    }

    private static List<Column> jsonOrder() {
        List<Column> order = new ArrayList<>(ALL);
        order.sort(Comparator.<Column>comparingInt(c -> c.field().getBytes(StandardCharsets.UTF_8).length)
                .thenComparing((a, b) -> Arrays.compareUnsigned(a.field().getBytes(StandardCharsets.UTF_8),
                        b.field().getBytes(StandardCharsets.UTF_8))));
        return List.copyOf(order);
    }
}
