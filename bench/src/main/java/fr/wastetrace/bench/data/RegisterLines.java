package fr.wastetrace.bench.data;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Register lines in bulk, straight in registry-service's database ({@code generate_series}): copies of a real line the
 * projection wrote (a form driven along the direct route), each with its own ids, dates a few minutes apart, a real
 * waste code and a weight. Their BSD ids start with {@code bench-}, so they are kept between runs and easy to drop.
 */
public final class RegisterLines {
    public static final String REGISTER = "OUTGOING";
    private static final String PREFIX = "bench-";

    private final Connection registry;
    private final Consumer<String> log;

    public RegisterLines(Connection registry, Consumer<String> log) {
        this.registry = registry;
        this.log = log;
    }

    /** The key columns of {@code register_line}, before the line's field columns. */
    private static final List<String> KEY_COLUMNS = List.of("register", "org_id", "document_id", "bsd_id", "version", "sort_at");

    /** A field column of {@code register_line}: its name and whether it is a number (double precision). */
    public record Column(String name, boolean number) {
    }

    /**
     * The field columns that hold a value in the template line, in the table's order (the files' order): what the
     * files show of the generated lines.
     */
    public List<Column> fields(String templateBsdId) throws SQLException {
        List<Column> all = fieldColumns();
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < all.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(all.get(i).name()).append(" is not null");
        }
        sql.append(" from register_line where register = ? and bsd_id = ? limit 1");
        try (PreparedStatement select = registry.prepareStatement(sql.toString())) {
            select.setString(1, REGISTER);
            select.setString(2, templateBsdId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no " + REGISTER + " line for " + templateBsdId + " in the registry");
                }
                List<Column> present = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    if (rows.getBoolean(i + 1)) {
                        present.add(all.get(i));
                    }
                }
                return present;
            }
        }
    }

    /** Every field column of {@code register_line}, in the table's order. */
    private List<Column> fieldColumns() throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement select = registry.prepareStatement("select column_name, data_type from information_schema.columns "
                + "where table_name = 'register_line' and table_schema = current_schema() order by ordinal_position");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (!KEY_COLUMNS.contains(rows.getString(1))) {
                    columns.add(new Column(rows.getString(1), rows.getString(2).equals("double precision")));
                }
            }
        }
        return columns;
    }

    /** Makes sure {@code orgId}'s register holds at least {@code count} generated lines; returns how many it holds. */
    public long ensure(String orgId, long count, String templateBsdId, ReferenceData reference) throws SQLException {
        long existing = count(orgId);
        if (existing >= count) {
            return existing;
        }
        Map<String, String> overrides = new HashMap<>();
        overrides.put("id", "'BSD-' || to_char(ts, 'YYYYMMDD') || '-' || lpad(upper(to_hex(g)), 9, '0')");
        overrides.put("waste_code", "codes[1 + g % cardinality(codes)]");
        overrides.put("waste_description", "names[1 + g % cardinality(names)]");
        for (String weight : List.of("weight", "destination_reception_weight", "destination_reception_accepted_weight")) {
            overrides.put(weight, "w");
        }
        for (String date : List.of("created_at", "updated_at", "transporter_taken_over_at", "transporter_handed_over_signature_date",
                "destination_reception_date", "destination_operation_date")) {
            overrides.put(date, "ts");
        }
        List<String> names = new ArrayList<>(KEY_COLUMNS);
        List<String> values = new ArrayList<>(List.of("t.register", "?", "? || g", "? || g", "t.version", "ts"));
        for (Column column : fieldColumns()) {
            names.add(column.name());
            String override = overrides.get(column.name());
            // A field the template line leaves empty stays empty.
            values.add(override == null ? "t." + column.name() : "case when t." + column.name() + " is null then null else " + override + " end");
        }
        String sql = "insert into register_line (" + String.join(", ", names) + ") select " + String.join(", ", values)
                + " from (select * from register_line where register = ? and bsd_id = ? limit 1) t, "
                + "(select ?::text[] as codes, ?::text[] as names) r, "
                + "generate_series(?::bigint, ?::bigint) g, "
                + "lateral (select timestamptz '2024-01-01 00:00:00+00' + g * interval '29 seconds' as ts, "
                + "round((0.2 + random() * 20)::numeric, 3)::float8 as w) v";
        List<ReferenceData.WasteCode> codes = reference.wasteCodes();
        Array codeArray = registry.createArrayOf("text", codes.stream().map(ReferenceData.WasteCode::code).toArray());
        Array nameArray = registry.createArrayOf("text", codes.stream().map(c -> c.description().length() > 60
                ? c.description().substring(0, 60) : c.description()).toArray());
        long batch = 200_000;
        String documentPrefix = PREFIX + orgId + "-";
        for (long from = existing + 1; from <= count; from += batch) {
            long to = Math.min(count, from + batch - 1);
            try (PreparedStatement insert = registry.prepareStatement(sql)) {
                int i = 1;
                insert.setString(i++, orgId);
                insert.setString(i++, documentPrefix);
                insert.setString(i++, documentPrefix);
                insert.setString(i++, REGISTER);
                insert.setString(i++, templateBsdId);
                insert.setArray(i++, codeArray);
                insert.setArray(i++, nameArray);
                insert.setLong(i++, from);
                insert.setLong(i, to);
                insert.executeUpdate();
            }
            log.accept(String.format(Locale.ROOT, "register lines of %s: %,d / %,d", orgId, to, count));
        }
        try (var analyze = registry.createStatement()) {
            analyze.execute("analyze register_line");
        }
        return count(orgId);
    }

    /** Generated lines of {@code orgId}'s register. */
    public long count(String orgId) throws SQLException {
        try (PreparedStatement select = registry.prepareStatement(
                "select count(*) from register_line where register = ? and org_id = ? and bsd_id like ?")) {
            select.setString(1, REGISTER);
            select.setString(2, orgId);
            select.setString(3, PREFIX + "%");
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
