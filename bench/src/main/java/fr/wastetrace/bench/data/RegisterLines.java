package fr.wastetrace.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** The fields of a line's data, in the order of the template line (what the files show, one column each). */
    public List<String> fields(String templateBsdId) throws SQLException {
        try (PreparedStatement select = registry.prepareStatement(
                "select data::text from register_line where register = ? and bsd_id = ? limit 1")) {
            select.setString(1, REGISTER);
            select.setString(2, templateBsdId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no " + REGISTER + " line for " + templateBsdId + " in the registry");
                }
                List<String> fields = new ArrayList<>();
                new ObjectMapper().readTree(rows.getString(1)).fieldNames().forEachRemaining(fields::add);
                return fields;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Makes sure {@code orgId}'s register holds at least {@code count} generated lines; returns how many it holds. */
    public long ensure(String orgId, long count, String templateBsdId, ReferenceData reference) throws SQLException {
        long existing = count(orgId);
        if (existing >= count) {
            return existing;
        }
        JsonNode template;
        try (PreparedStatement select = registry.prepareStatement(
                "select data::text from register_line where register = ? and bsd_id = ? limit 1")) {
            select.setString(1, REGISTER);
            select.setString(2, templateBsdId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                template = new ObjectMapper().readTree(rows.getString(1));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        List<String> overrides = new ArrayList<>();
        addIfPresent(template, overrides, "id", "'BSD-' || to_char(ts, 'YYYYMMDD') || '-' || lpad(upper(to_hex(g)), 9, '0')");
        addIfPresent(template, overrides, "wasteCode", "codes[1 + g % cardinality(codes)]");
        addIfPresent(template, overrides, "wasteDescription", "names[1 + g % cardinality(names)]");
        addIfPresent(template, overrides, "weight", "w");
        addIfPresent(template, overrides, "destinationReceptionWeight", "w");
        addIfPresent(template, overrides, "destinationReceptionAcceptedWeight", "w");
        for (String date : List.of("createdAt", "updatedAt", "transporterTakenOverAt", "transporterHandedOverSignatureDate",
                "destinationReceptionDate", "destinationOperationDate")) {
            addIfPresent(template, overrides, date, "to_char(ts at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')");
        }
        String sql = "insert into register_line (register, org_id, document_id, bsd_id, version, sort_at, created_at, bsd_type, "
                + "waste_code, emitter_siret, transporter_siret, destination_siret, transporter_taken_over_at, destination_reception_date, "
                + "destination_operation_date, destination_reception_weight, destination_operation_code, data) "
                + "select t.register, ?, ? || g, ? || g, t.version, ts, ts, t.bsd_type, codes[1 + g % cardinality(codes)], t.emitter_siret, "
                + "t.transporter_siret, t.destination_siret, ts, ts, ts, w, t.destination_operation_code, "
                + "t.data || jsonb_build_object(" + String.join(", ", overrides) + ") "
                + "from (select * from register_line where register = ? and bsd_id = ? limit 1) t, "
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

    private static void addIfPresent(JsonNode template, List<String> overrides, String field, String expression) {
        if (template.has(field)) {
            overrides.add("'" + field + "', " + expression);
        }
    }
}
