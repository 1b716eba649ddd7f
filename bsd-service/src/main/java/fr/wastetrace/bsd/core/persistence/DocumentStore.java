package fr.wastetrace.bsd.core.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The one store of the document-plus-columns tables ({@link DocumentTable}), of the transporters of multimodal
 * types ({@code bsd_transporter}) and of their status log ({@code bsd_status_log}). Callers run in a transaction;
 * {@link #findForUpdate} locks the BSD's row so that two changes of one BSD queue.
 */
@ApplicationScoped
public class DocumentStore {
    private static final String BASE_COLUMNS = "id, status, version, is_draft, is_deleted, owner_subject, created_at, "
            + "updated_at, draft_access_org_ids, data";

    private final Jdbc jdbc;

    @Inject
    public DocumentStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- documents

    /** The store of the BSDs of {@code table}, as the mutation pipeline uses it. */
    public <D> BsdStore<D> of(DocumentTable<D> table) {
        return new BsdStore<>() {
            @Override
            public Optional<BsdRecord<D>> find(String id) {
                return DocumentStore.this.find(table, id);
            }

            @Override
            public Optional<BsdRecord<D>> findForUpdate(String id) {
                return DocumentStore.this.findForUpdate(table, id);
            }

            @Override
            public BsdRecord<D> newRecord() {
                return new BsdRecord<>();
            }

            @Override
            public void insert(BsdRecord<D> record) {
                DocumentStore.this.insert(table, record);
            }

            @Override
            public void update(BsdRecord<D> record) {
                DocumentStore.this.update(table, record);
            }

            @Override
            public void logStatus(BsdRecord<D> record, CallerIdentity caller, JsonNode updatedFields) {
                DocumentStore.this.logStatus(table.bsdType(), record.id, record.status, caller.subject(),
                        caller.email(), updatedFields);
            }

            @Override
            public ObjectNode state(BsdRecord<D> record) {
                return DocumentStore.state(record);
            }

            @Override
            public ObjectNode payload(BsdRecord<D> record) {
                return DocumentStore.payload(record);
            }
        };
    }

    /** The BSD, unless it does not exist or was deleted. */
    public <D> Optional<BsdRecord<D>> find(DocumentTable<D> table, String id) {
        return query("select " + BASE_COLUMNS + " from " + table.name() + " where id = ? and not is_deleted",
                List.of(id), rs -> record(table, rs)).stream().findFirst();
    }

    /** The BSD, its row locked until the end of the transaction; empty when it does not exist or was deleted. */
    public <D> Optional<BsdRecord<D>> findForUpdate(DocumentTable<D> table, String id) {
        return query("select " + BASE_COLUMNS + " from " + table.name() + " where id = ? and not is_deleted for update",
                List.of(id), rs -> record(table, rs)).stream().findFirst();
    }

    public <D> void insert(DocumentTable<D> table, BsdRecord<D> record) {
        List<String> names = new ArrayList<>(List.of("id", "status", "version", "is_draft", "is_deleted",
                "owner_subject", "created_at", "updated_at", "org_ids", "draft_access_org_ids", "data"));
        table.columns().forEach(c -> names.add(c.name()));
        List<Object> values = new ArrayList<>(List.of(record.id, record.status, record.version, record.isDraft,
                record.isDeleted, record.ownerSubject, Timestamp.from(record.createdAt), Timestamp.from(record.updatedAt)));
        values.addAll(derived(table, record));
        String marks = String.join(", ", names.stream().map(n -> "data".equals(n) ? "cast(? as jsonb)" : "?").toList());
        execute("insert into " + table.name() + " (" + String.join(", ", names) + ") values (" + marks + ")", values);
        syncTransporters(table, record);
    }

    public <D> void update(DocumentTable<D> table, BsdRecord<D> record) {
        List<String> sets = new ArrayList<>(List.of("status = ?", "version = ?", "is_draft = ?", "is_deleted = ?",
                "updated_at = ?", "org_ids = ?", "draft_access_org_ids = ?", "data = cast(? as jsonb)"));
        table.columns().forEach(c -> sets.add(c.name() + " = ?"));
        List<Object> values = new ArrayList<>(List.of(record.status, record.version, record.isDraft, record.isDeleted,
                Timestamp.from(record.updatedAt)));
        values.addAll(derived(table, record));
        values.add(record.id);
        execute("update " + table.name() + " set " + String.join(", ", sets) + " where id = ?", values);
        syncTransporters(table, record);
    }

    /** The BSD's full state: its document with the base columns written in. */
    public static <D> ObjectNode state(BsdRecord<D> record) {
        ObjectNode node = EventCodec.mapper().valueToTree(record.data);
        node.put("id", record.id);
        node.put("status", record.status);
        node.put("isDraft", record.isDraft);
        node.set("createdAt", EventCodec.mapper().valueToTree(record.createdAt));
        node.set("updatedAt", EventCodec.mapper().valueToTree(record.updatedAt));
        return node;
    }

    /** The event payload of a document: its full state plus {@code version} and {@code isDeleted}. */
    public static <D> ObjectNode payload(BsdRecord<D> record) {
        ObjectNode state = state(record);
        state.put("version", record.version);
        state.put("isDeleted", record.isDeleted);
        return state;
    }

    /** org_ids, draft_access_org_ids, data, then the type's columns, in the order of the statements above. */
    private <D> List<Object> derived(DocumentTable<D> table, BsdRecord<D> record) {
        List<Object> values = new ArrayList<>();
        values.add(new SqlFilter.TextArray(table.contributors().apply(record.data)));
        values.add(new SqlFilter.TextArray(record.draftAccessOrgIds));
        values.add(state(record).toString());
        for (DocumentTable.Column<D> column : table.columns()) {
            Object value = column.value().apply(record.data);
            values.add(switch (column.kind()) {
                case TEXT -> value;
                case TEXT_ARRAY -> new SqlFilter.TextArray(value == null ? List.of() : castStrings(value));
                case TIMESTAMP -> value == null ? Jdbc.NULL_TIMESTAMP : Timestamp.from((Instant) value);
            });
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> castStrings(Object value) {
        return ((Collection<String>) value).stream().filter(Objects::nonNull).toList();
    }

    /** A page of the BSDs matching {@code filter}, newest first, after or before the BSD {@code cursor}. */
    public <D> List<BsdRecord<D>> page(DocumentTable<D> table, SqlFilter filter, String cursor, boolean forward, int limit) {
        List<Object> params = new ArrayList<>(filter.params());
        String keyset = "";
        if (cursor != null) {
            keyset = " and row_number " + (forward ? "<" : ">") + " coalesce((select row_number from " + table.name()
                    + " where id = ?), " + (forward ? "9223372036854775807" : "0") + ")";
            params.add(cursor);
        }
        String sql = "select " + BASE_COLUMNS + " from " + table.name() + " where not is_deleted and (" + filter.sql()
                + ")" + keyset + " order by row_number " + (forward ? "desc" : "asc") + " limit ?";
        params.add(limit);
        List<BsdRecord<D>> rows = query(sql, params, rs -> record(table, rs));
        if (!forward) {
            rows = new ArrayList<>(rows);
            Collections.reverse(rows);
        }
        return rows;
    }

    public int count(DocumentTable<?> table, SqlFilter filter) {
        return query("select count(*) from " + table.name() + " where not is_deleted and (" + filter.sql() + ")",
                filter.params(), rs -> rs.getInt(1)).get(0);
    }

    /** Whether a BSD matching the filter exists after (older than) or before (newer than) the one {@code id}. */
    public boolean hasBeyond(DocumentTable<?> table, SqlFilter filter, String id, boolean older) {
        List<Object> params = new ArrayList<>(filter.params());
        params.add(id);
        return !query("select 1 from " + table.name() + " where not is_deleted and (" + filter.sql() + ") and row_number "
                + (older ? "<" : ">") + " (select row_number from " + table.name() + " where id = ?) limit 1",
                params, rs -> true).isEmpty();
    }

    private <D> BsdRecord<D> record(DocumentTable<D> table, ResultSet rs) throws SQLException {
        BsdRecord<D> r = new BsdRecord<>();
        r.id = rs.getString(1);
        r.status = rs.getString(2);
        r.version = rs.getLong(3);
        r.isDraft = rs.getBoolean(4);
        r.isDeleted = rs.getBoolean(5);
        r.ownerSubject = rs.getString(6);
        r.createdAt = rs.getTimestamp(7).toInstant();
        r.updatedAt = rs.getTimestamp(8).toInstant();
        r.draftAccessOrgIds = new LinkedHashSet<>(Arrays.asList((String[]) rs.getArray(9).getArray()));
        r.data = read(rs.getString(10), table.documentClass());
        return r;
    }

    // ---------------------------------------------------------------- transporters

    /** Writes the document's transporters into {@code bsd_transporter}; rows no longer in its list are detached. */
    private <D> void syncTransporters(DocumentTable<D> table, BsdRecord<D> record) {
        if (!table.multimodal()) {
            return;
        }
        JsonNode list = EventCodec.mapper().valueToTree(record.data).path("transporters");
        List<String> kept = new ArrayList<>();
        int number = 0;
        for (JsonNode t : list) {
            number++;
            String id = t.path("id").asText();
            kept.add(id);
            execute("""
                    insert into bsd_transporter (id, bsd_type, bsd_id, number, org_id, created_at, data)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                    on conflict (id) do update set bsd_id = excluded.bsd_id, number = excluded.number,
                        org_id = excluded.org_id, data = excluded.data""",
                    Arrays.asList(id, table.bsdType(), record.id, number, orgIdOf(t), Timestamp.from(record.updatedAt),
                            t.toString()));
        }
        execute("update bsd_transporter set bsd_id = null, number = 0 where bsd_type = ? and bsd_id = ? and id <> all(?)",
                List.of(table.bsdType(), record.id, new SqlFilter.TextArray(kept)));
    }

    public Optional<TransporterRow> findTransporterForUpdate(String bsdType, String id) {
        return query("select id, bsd_type, bsd_id, number, created_at, data from bsd_transporter "
                + "where id = ? and bsd_type = ? for update", List.of(id, bsdType), DocumentStore::transporter)
                .stream().findFirst();
    }

    public List<TransporterRow> transporters(String bsdType, Collection<String> ids) {
        return query("select id, bsd_type, bsd_id, number, created_at, data from bsd_transporter "
                + "where bsd_type = ? and id = any(?)", List.of(bsdType, new SqlFilter.TextArray(ids)),
                DocumentStore::transporter);
    }

    /** Inserts or replaces an unattached transporter. */
    public void saveTransporter(TransporterRow row) {
        execute("""
                insert into bsd_transporter (id, bsd_type, bsd_id, number, org_id, created_at, data)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (id) do update set org_id = excluded.org_id, data = excluded.data""",
                Arrays.asList(row.id(), row.bsdType(), row.bsdId(), row.number(), orgIdOf(row.data()),
                        Timestamp.from(row.createdAt()), row.data().toString()));
    }

    public void deleteTransporter(String bsdType, String id) {
        execute("delete from bsd_transporter where id = ? and bsd_type = ?", List.of(id, bsdType));
    }

    private static String orgIdOf(JsonNode transporter) {
        JsonNode company = transporter.path("company");
        String siret = company.path("siret").asText("");
        return !siret.isBlank() ? siret : company.path("vatNumber").asText(null);
    }

    private static TransporterRow transporter(ResultSet rs) throws SQLException {
        return new TransporterRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getTimestamp(5).toInstant(), (ObjectNode) read(rs.getString(6), JsonNode.class));
    }

    // ---------------------------------------------------------------- status log

    /** One row of the status log of a non-BSDD type. */
    public void logStatus(String bsdType, String bsdId, String status, String userSubject, String userEmail,
                          JsonNode updatedFields) {
        execute("""
                insert into bsd_status_log (id, bsd_type, bsd_id, status, logged_at, updated_fields, user_subject, user_email)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""",
                Arrays.asList(UUID.randomUUID().toString(), bsdType, bsdId, status, Timestamp.from(Instant.now()),
                        updatedFields == null ? "{}" : updatedFields.toString(), userSubject, userEmail));
    }

    // ---------------------------------------------------------------- JDBC

    private <T> List<T> query(String sql, List<?> params, Jdbc.RowMapper<T> mapper) {
        return jdbc.query(sql, params, mapper);
    }

    private void execute(String sql, List<?> params) {
        jdbc.update(sql, params);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable BSD document", e);
        }
    }
}
