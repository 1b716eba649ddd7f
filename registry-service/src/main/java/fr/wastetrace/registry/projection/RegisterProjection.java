package fr.wastetrace.registry.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.registry.register.LineColumns;
import fr.wastetrace.registry.register.RegisterLine;
import fr.wastetrace.registry.register.RegisterMapper;
import fr.wastetrace.registry.register.RegisterType;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies BSD events to the register lines, in one transaction per event or per poll of events: the version guards,
 * the lines' changes and their change-log entries commit together, so that a repeated or older event changes nothing.
 */
@ApplicationScoped
public class RegisterProjection {
    /** Serialises change-log appends, so that sequence order is commit order (readers never miss a change). */
    private static final long CHANGE_LOG_LOCK = 0x7265676973747279L;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    @Any
    Instance<RegisterMapper> mapperBeans;

    /** The register mapping of each BSD type, by aggregate type. */
    private Map<String, RegisterMapper> mappers;

    @PostConstruct
    void indexMappers() {
        mappers = byAggregateType(mapperBeans);
    }

    private static Map<String, RegisterMapper> byAggregateType(Iterable<RegisterMapper> mappers) {
        Map<String, RegisterMapper> map = new HashMap<>();
        for (RegisterMapper mapper : mappers) {
            RegisterMapper other = map.putIfAbsent(mapper.events().aggregateType(), mapper);
            if (other != null) {
                throw new IllegalStateException("two register mappings for " + mapper.events().aggregateType() + ": "
                        + other.getClass().getName() + " and " + mapper.getClass().getName());
            }
        }
        return Map.copyOf(map);
    }

    public enum Outcome {
        /** The event changed (or confirmed) the lines of its BSD. */
        APPLIED,
        /** A newer or equal version was already applied: nothing changed. */
        STALE,
        /** An event type this projection does not project: only its version was recorded. */
        RECORDED
    }

    /**
     * Applies one event in its own transaction.
     *
     * @throws fr.wastetrace.registry.register.UnmappableStateException when the state cannot give register lines
     * @throws SQLException                                              when the database failed (the transaction was rolled back)
     */
    public Outcome apply(EventEnvelope event) throws SQLException {
        return applyAll(List.of(event)).get(0);
    }

    /**
     * Applies events in order in ONE transaction (a poll's worth: far fewer commits than one per event); all or
     * nothing. The caller falls back to {@link #apply(EventEnvelope)} one by one when it fails, to isolate a bad event.
     *
     * <p>The work is set-based, so that the number of statements does not grow with the number of events: the events
     * are taken in rounds (round k holds the k-th event of each BSD, so a BSD's versions are applied in their order),
     * and each round costs one statement of version guards and one select of the existing lines of its BSDs (those not
     * already read or written in this transaction). Each changed line is then written once, in its final state (one
     * multi-row statement of deletes, one of upserts, a text array per column), and the change log, which names every
     * version's changes, appended once (one statement), in round order.
     */
    public List<Outcome> applyAll(List<EventEnvelope> events) throws SQLException {
        List<List<RegisterLine>> lines = new ArrayList<>(events.size());
        events.forEach(event -> lines.add(projectedLines(event)));
        List<List<Integer>> rounds = new ArrayList<>();
        Map<String, Integer> perBsd = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            int round = perBsd.merge(events.get(i).aggregateId(), 1, Integer::sum) - 1;
            if (rounds.size() == round) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Outcome[] outcomes = new Outcome[events.size()];
                Map<String, Map<RegisterLine.Key, ExistingLine>> current = new HashMap<>();
                Map<RegisterLine.Key, Write> writes = new LinkedHashMap<>();
                List<Change> changes = new ArrayList<>();
                for (List<Integer> round : rounds) {
                    applyRound(connection, events, lines, round, outcomes, current, writes, changes);
                }
                flush(connection, writes);
                appendToChangeLog(connection, changes);
                connection.commit();
                return List.of(outcomes);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Forgets every applied version, so that a replay of the topic applies each event again. */
    public void forgetAppliedVersions() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from applied_bsd_event")) {
            delete.executeUpdate();
        }
    }

    /** Removes the lines of BSDs that no applied event accounts for (after a replay); returns how many. */
    public int deleteOrphans() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<ExistingLine> orphans = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("select register, org_id, document_id, bsd_id, version "
                        + "from register_line l where not exists (select 1 from applied_bsd_event a where a.aggregate_id = l.bsd_id) for update");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        orphans.add(new ExistingLine(new RegisterLine.Key(RegisterType.valueOf(rows.getString(1)), rows.getString(2),
                                rows.getString(3)), rows.getString(4), rows.getLong(5), null, null));
                    }
                }
                List<Change> changes = new ArrayList<>();
                for (ExistingLine orphan : orphans) {
                    changes.add(Change.delete(orphan.key(), orphan.bsdId(), orphan.version()));
                }
                if (!orphans.isEmpty()) {
                    delete(connection, orphans.stream().map(ExistingLine::key).toList());
                }
                appendToChangeLog(connection, changes);
                connection.commit();
                return orphans.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * The lines an event gives its BSD: the mapping of its aggregate type for an upsert, none for a deletion; null for
     * an event this projection does not project (unknown aggregate or event type), whose version is only recorded.
     */
    private List<RegisterLine> projectedLines(EventEnvelope event) {
        RegisterMapper mapper = mappers.get(event.aggregateType());
        if (mapper == null) {
            return null;
        }
        if (mapper.events().upserted().equals(event.type())) {
            return mapper.lines(event.aggregateId(), event.payload());
        }
        return mapper.events().deleted().equals(event.type()) ? List.of() : null;
    }

    /**
     * One round: events of distinct BSDs. {@code current} holds the lines of the BSDs this transaction has read (locked
     * by it) as the earlier rounds left them, so that a later round of the same BSD needs no select; {@code writes}
     * collects the lines' final states.
     */
    private static void applyRound(Connection connection, List<EventEnvelope> events, List<List<RegisterLine>> lines,
                                   List<Integer> round, Outcome[] outcomes, Map<String, Map<RegisterLine.Key, ExistingLine>> current,
                                   Map<RegisterLine.Key, Write> writes, List<Change> changes) throws SQLException {
        Set<String> newer = guard(connection, events, round);
        List<Integer> projected = new ArrayList<>();
        for (int i : round) {
            if (!newer.contains(events.get(i).aggregateId())) {
                outcomes[i] = Outcome.STALE;
            } else if (lines.get(i) == null) {
                outcomes[i] = Outcome.RECORDED;
            } else {
                outcomes[i] = Outcome.APPLIED;
                projected.add(i);
            }
        }
        if (projected.isEmpty()) {
            return;
        }
        List<String> unread = projected.stream().map(i -> events.get(i).aggregateId()).filter(id -> !current.containsKey(id)).toList();
        current.putAll(existingLines(connection, unread));
        for (int i : projected) {
            EventEnvelope event = events.get(i);
            Map<RegisterLine.Key, ExistingLine> existing = current.get(event.aggregateId());
            Map<RegisterLine.Key, RegisterLine> wanted = new LinkedHashMap<>();
            lines.get(i).forEach(line -> wanted.put(line.key(), line));
            for (var it = existing.values().iterator(); it.hasNext(); ) {
                ExistingLine old = it.next();
                if (!wanted.containsKey(old.key())) {
                    writes.put(old.key(), new Write(null, event.version(), null));
                    changes.add(Change.delete(old.key(), old.bsdId(), event.version()));
                    it.remove();
                }
            }
            // A document's lines in the registers of several companies share the same values: converted once.
            Map<ObjectNode, Object[]> converted = new IdentityHashMap<>();
            for (RegisterLine line : wanted.values()) {
                ExistingLine old = existing.get(line.key());
                Object[] values = converted.computeIfAbsent(line.data(), LineColumns::values);
                // Compared as stored: PostgreSQL keeps microseconds.
                if (old == null || !old.sortAt().equals(line.sortAt().truncatedTo(ChronoUnit.MICROS))
                        || !LineColumns.same(old.values(), values)) {
                    writes.put(line.key(), new Write(line, event.version(), values));
                    changes.add(Change.upsert(line, event.version()));
                    existing.put(line.key(), new ExistingLine(line.key(), line.bsdId(), event.version(),
                            line.sortAt().truncatedTo(ChronoUnit.MICROS), values));
                }
            }
        }
    }

    /** A line's final state in this transaction: the line to upsert at that version with its values, or null to delete it. */
    private record Write(RegisterLine line, long version, Object[] values) {
    }

    /** The key columns, then every field's column, as the one statement of a poll's upserts lists them. */
    private static final String KEY_COLUMNS = "register, org_id, document_id, bsd_id, version, sort_at";
    private static final String UPSERT_LINES = upsertLines();

    private static String upsertLines() {
        StringBuilder columns = new StringBuilder(KEY_COLUMNS);
        StringBuilder select = new StringBuilder("u.k0, u.k1, u.k2, u.k3, u.k4::bigint, u.k5::timestamptz");
        StringBuilder arrays = new StringBuilder("?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]");
        StringBuilder names = new StringBuilder("k0, k1, k2, k3, k4, k5");
        StringBuilder update = new StringBuilder("bsd_id = excluded.bsd_id, version = excluded.version, sort_at = excluded.sort_at");
        for (LineColumns.Column column : LineColumns.ALL) {
            columns.append(", ").append(column.column());
            select.append(", u.c").append(column.index());
            if (column.kind() != LineColumns.Kind.TEXT) {
                select.append("::").append(column.kind().sqlType);
            }
            arrays.append(", ?::text[]");
            names.append(", c").append(column.index());
            update.append(", ").append(column.column()).append(" = excluded.").append(column.column());
        }
        return "insert into register_line (" + columns + ") select " + select + " from unnest(" + arrays + ") as u(" + names
                + ") on conflict (register, org_id, document_id) do update set " + update;
    }

    /**
     * Writes each changed line once, in its final state for the transaction (a poll holding several versions of a BSD
     * changes its lines several times; the change log keeps every step, the table only needs the last): one statement
     * for the deletes, one for the upserts, whatever the number of lines (a text array per column, {@code unnest}).
     */
    private static void flush(Connection connection, Map<RegisterLine.Key, Write> writes) throws SQLException {
        List<RegisterLine.Key> deletes = new ArrayList<>();
        List<Write> upserts = new ArrayList<>();
        for (Map.Entry<RegisterLine.Key, Write> write : writes.entrySet()) {
            if (write.getValue().line() == null) {
                deletes.add(write.getKey());
            } else {
                upserts.add(write.getValue());
            }
        }
        if (!deletes.isEmpty()) {
            delete(connection, deletes);
        }
        if (upserts.isEmpty()) {
            return;
        }
        int n = upserts.size();
        String[][] keys = new String[6][n];
        String[][] fields = new String[LineColumns.ALL.size()][n];
        for (int r = 0; r < n; r++) {
            Write write = upserts.get(r);
            RegisterLine line = write.line();
            keys[0][r] = line.register().name();
            keys[1][r] = line.orgId();
            keys[2][r] = line.documentId();
            keys[3][r] = line.bsdId();
            keys[4][r] = Long.toString(write.version());
            keys[5][r] = line.sortAt().toString();
            Object[] values = write.values();
            for (LineColumns.Column column : LineColumns.ALL) {
                fields[column.index()][r] = LineColumns.sqlText(column.kind(), values[column.index()]);
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_LINES)) {
            int p = 1;
            for (String[] key : keys) {
                upsert.setArray(p++, connection.createArrayOf("text", key));
            }
            for (String[] field : fields) {
                upsert.setArray(p++, connection.createArrayOf("text", field));
            }
            upsert.executeUpdate();
        }
    }

    /**
     * Records each event's version unless a newer or equal one was applied, in one statement for the round (whose
     * events are of distinct BSDs); returns the BSDs whose event was newer.
     */
    private static Set<String> guard(Connection connection, List<EventEnvelope> events, List<Integer> round) throws SQLException {
        int n = round.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        Long[] versions = new Long[n];
        String[] eventTypes = new String[n];
        for (int r = 0; r < n; r++) {
            EventEnvelope event = events.get(round.get(r));
            ids[r] = event.aggregateId();
            types[r] = event.aggregateType();
            versions[r] = event.version();
            eventTypes[r] = event.type();
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "insert into applied_bsd_event (aggregate_id, aggregate_type, version, event_type, applied_at) "
                        + "select u.id, u.type, u.version, u.event_type, now() from unnest(?::text[], ?::text[], ?::bigint[], ?::text[]) "
                        + "as u(id, type, version, event_type) "
                        + "on conflict (aggregate_id) do update set aggregate_type = excluded.aggregate_type, version = excluded.version, "
                        + "event_type = excluded.event_type, applied_at = excluded.applied_at "
                        + "where applied_bsd_event.version < excluded.version returning aggregate_id")) {
            upsert.setArray(1, connection.createArrayOf("text", ids));
            upsert.setArray(2, connection.createArrayOf("text", types));
            upsert.setArray(3, connection.createArrayOf("bigint", versions));
            upsert.setArray(4, connection.createArrayOf("text", eventTypes));
            Set<String> newer = new HashSet<>();
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    newer.add(rows.getString(1));
                }
            }
            return newer;
        }
    }

    /** The lines of these BSDs, locked for this transaction; a BSD without lines maps to an empty (mutable) map. */
    private static Map<String, Map<RegisterLine.Key, ExistingLine>> existingLines(Connection connection, List<String> bsdIds)
            throws SQLException {
        Map<String, Map<RegisterLine.Key, ExistingLine>> lines = new HashMap<>();
        if (bsdIds.isEmpty()) {
            return lines;
        }
        bsdIds.forEach(id -> lines.put(id, new HashMap<>()));
        try (PreparedStatement select = connection.prepareStatement("select register, org_id, document_id, version, sort_at, bsd_id, "
                + LineColumns.selectList(LineColumns.ALL) + " from register_line where bsd_id = any(?) for update")) {
            select.setArray(1, connection.createArrayOf("text", bsdIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    RegisterLine.Key key = new RegisterLine.Key(RegisterType.valueOf(rows.getString(1)), rows.getString(2), rows.getString(3));
                    String bsdId = rows.getString(6);
                    lines.get(bsdId).put(key, new ExistingLine(key, bsdId, rows.getLong(4),
                            rows.getObject(5, OffsetDateTime.class).toInstant(), LineColumns.read(rows, 7, LineColumns.ALL)));
                }
            }
        }
        return lines;
    }

    private static void delete(Connection connection, List<RegisterLine.Key> keys) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from register_line where (register, org_id, document_id) in "
                + "(select * from unnest(?::text[], ?::text[], ?::text[]))")) {
            delete.setArray(1, connection.createArrayOf("text", keys.stream().map(k -> k.register().name()).toArray(String[]::new)));
            delete.setArray(2, connection.createArrayOf("text", keys.stream().map(RegisterLine.Key::orgId).toArray(String[]::new)));
            delete.setArray(3, connection.createArrayOf("text", keys.stream().map(RegisterLine.Key::documentId).toArray(String[]::new)));
            delete.executeUpdate();
        }
    }

    /**
     * Appends the transaction's changes to the change log in one statement, in their order. An entry names the line
     * and the version that changed it, not the line's content: the feed reads the line from {@code register_line}.
     */
    private static void appendToChangeLog(Connection connection, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHANGE_LOG_LOCK);
            lock.execute();
        }
        int n = changes.size();
        String[] operations = new String[n];
        String[] registers = new String[n];
        String[] orgIds = new String[n];
        String[] documentIds = new String[n];
        String[] bsdIds = new String[n];
        Long[] versions = new Long[n];
        for (int i = 0; i < n; i++) {
            Change change = changes.get(i);
            operations[i] = change.operation();
            registers[i] = change.key().register().name();
            orgIds[i] = change.key().orgId();
            documentIds[i] = change.key().documentId();
            bsdIds[i] = change.bsdId();
            versions[i] = change.version();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into register_change (seq, changed_at, operation, register, "
                + "org_id, document_id, bsd_id, version) select nextval('register_change_seq'), clock_timestamp(), u.operation, u.register, "
                + "u.org_id, u.document_id, u.bsd_id, u.version from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) "
                + "with ordinality as u(operation, register, org_id, document_id, bsd_id, version, n) order by u.n")) {
            insert.setArray(1, connection.createArrayOf("text", operations));
            insert.setArray(2, connection.createArrayOf("text", registers));
            insert.setArray(3, connection.createArrayOf("text", orgIds));
            insert.setArray(4, connection.createArrayOf("text", documentIds));
            insert.setArray(5, connection.createArrayOf("text", bsdIds));
            insert.setArray(6, connection.createArrayOf("bigint", versions));
            insert.executeUpdate();
        }
    }

    private record ExistingLine(RegisterLine.Key key, String bsdId, long version, Instant sortAt, Object[] values) {
    }

    /** A change-log entry: which line changed, by which version of its BSD. */
    private record Change(String operation, RegisterLine.Key key, String bsdId, long version) {
        static Change upsert(RegisterLine line, long version) {
            return new Change("UPSERT", line.key(), line.bsdId(), version);
        }

        static Change delete(RegisterLine.Key key, String bsdId, long version) {
            return new Change("DELETE", key, bsdId, version);
        }
    }
}
