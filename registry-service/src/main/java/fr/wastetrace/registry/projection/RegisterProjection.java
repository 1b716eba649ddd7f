package fr.wastetrace.registry.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
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
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * and each round costs one batch of version guards and one select of the existing lines of its BSDs (those not
     * already read or written in this transaction). Each changed line is then written once, in its final state (one
     * batch of deletes, one of upserts), and the change log, which keeps every version's changes, appended once, in
     * round order.
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
                                rows.getString(3)), rows.getString(4), rows.getLong(5), null));
                    }
                }
                List<Change> changes = new ArrayList<>();
                for (ExistingLine orphan : orphans) {
                    delete(connection, orphan.key());
                    changes.add(Change.delete(orphan.key(), orphan.bsdId(), orphan.version()));
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
        boolean[] newer = guard(connection, events, round);
        List<Integer> projected = new ArrayList<>();
        for (int r = 0; r < round.size(); r++) {
            int i = round.get(r);
            if (!newer[r]) {
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
            for (RegisterLine line : wanted.values()) {
                ExistingLine old = existing.get(line.key());
                if (old == null || !old.data().equals(line.data())) {
                    String json = line.data().toString();   // once, for the line and its change-log entry
                    writes.put(line.key(), new Write(line, event.version(), json));
                    changes.add(Change.upsert(line, event.version(), json));
                    existing.put(line.key(), new ExistingLine(line.key(), line.bsdId(), event.version(), line.data()));
                }
            }
        }
    }

    /** A line's final state in this transaction: the line to upsert at that version, or null to delete it. */
    private record Write(RegisterLine line, long version, String json) {
    }

    /**
     * Writes each changed line once, in its final state for the transaction (a poll holding several versions of a BSD
     * changes its lines several times; the change log keeps every step, the table only needs the last).
     */
    private static void flush(Connection connection, Map<RegisterLine.Key, Write> writes) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from register_line where register = ? and org_id = ? and document_id = ?");
             PreparedStatement upsert = connection.prepareStatement(UPSERT_LINE)) {
            int deletes = 0;
            int upserts = 0;
            for (Map.Entry<RegisterLine.Key, Write> write : writes.entrySet()) {
                if (write.getValue().line() == null) {
                    bindDelete(delete, write.getKey());
                    deletes++;
                } else {
                    bindUpsert(upsert, write.getValue().line(), write.getValue().version(), write.getValue().json());
                    upserts++;
                }
            }
            if (deletes > 0) {
                delete.executeBatch();
            }
            if (upserts > 0) {
                upsert.executeBatch();
            }
        }
    }

    /**
     * Records each event's version unless a newer or equal one was applied (one batch for the round, whose events are
     * of distinct BSDs); element r is true when event {@code round.get(r)} is newer.
     */
    private static boolean[] guard(Connection connection, List<EventEnvelope> events, List<Integer> round) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "insert into applied_bsd_event (aggregate_id, aggregate_type, version, event_type, applied_at) values (?, ?, ?, ?, now()) "
                        + "on conflict (aggregate_id) do update set aggregate_type = excluded.aggregate_type, version = excluded.version, "
                        + "event_type = excluded.event_type, applied_at = excluded.applied_at "
                        + "where applied_bsd_event.version < excluded.version")) {
            for (int i : round) {
                EventEnvelope event = events.get(i);
                upsert.setString(1, event.aggregateId());
                upsert.setString(2, event.aggregateType());
                upsert.setLong(3, event.version());
                upsert.setString(4, event.type());
                upsert.addBatch();
            }
            int[] counts = upsert.executeBatch();
            boolean[] newer = new boolean[counts.length];
            for (int r = 0; r < counts.length; r++) {
                if (counts[r] != 0 && counts[r] != 1) {
                    throw new IllegalStateException("the version guard returned no row count (" + counts[r] + ")");
                }
                newer[r] = counts[r] == 1;
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
        try (PreparedStatement select = connection.prepareStatement(
                "select register, org_id, document_id, version, data::text, bsd_id from register_line where bsd_id = any(?) for update")) {
            select.setArray(1, connection.createArrayOf("text", bsdIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    RegisterLine.Key key = new RegisterLine.Key(RegisterType.valueOf(rows.getString(1)), rows.getString(2), rows.getString(3));
                    String bsdId = rows.getString(6);
                    lines.get(bsdId).put(key, new ExistingLine(key, bsdId, rows.getLong(4), readTree(rows.getString(5))));
                }
            }
        }
        return lines;
    }

    private static void delete(Connection connection, RegisterLine.Key key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from register_line where register = ? and org_id = ? and document_id = ?")) {
            bindDelete(delete, key);
            delete.executeBatch();
        }
    }

    private static void bindDelete(PreparedStatement delete, RegisterLine.Key key) throws SQLException {
        delete.setString(1, key.register().name());
        delete.setString(2, key.orgId());
        delete.setString(3, key.documentId());
        delete.addBatch();
    }

    private static final String UPSERT_LINE = "insert into register_line (register, org_id, document_id, bsd_id, "
            + "version, sort_at, created_at, bsd_type, waste_code, emitter_siret, transporter_siret, destination_siret, "
            + "transporter_taken_over_at, destination_reception_date, destination_operation_date, destination_reception_weight, "
            + "destination_operation_code, data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) "
            + "on conflict (register, org_id, document_id) do update set bsd_id = excluded.bsd_id, version = excluded.version, "
            + "sort_at = excluded.sort_at, created_at = excluded.created_at, bsd_type = excluded.bsd_type, "
            + "waste_code = excluded.waste_code, emitter_siret = excluded.emitter_siret, "
            + "transporter_siret = excluded.transporter_siret, destination_siret = excluded.destination_siret, "
            + "transporter_taken_over_at = excluded.transporter_taken_over_at, "
            + "destination_reception_date = excluded.destination_reception_date, "
            + "destination_operation_date = excluded.destination_operation_date, "
            + "destination_reception_weight = excluded.destination_reception_weight, "
            + "destination_operation_code = excluded.destination_operation_code, data = excluded.data";

    private static void bindUpsert(PreparedStatement upsert, RegisterLine line, long version, String json) throws SQLException {
        ObjectNode d = line.data();
        upsert.setString(1, line.register().name());
        upsert.setString(2, line.orgId());
        upsert.setString(3, line.documentId());
        upsert.setString(4, line.bsdId());
        upsert.setLong(5, version);
        upsert.setTimestamp(6, Timestamp.from(line.sortAt()));
        upsert.setTimestamp(7, timestamp(d, "createdAt"));
        upsert.setString(8, text(d, "bsdType"));
        upsert.setString(9, text(d, "wasteCode"));
        upsert.setString(10, text(d, "emitterCompanySiret"));
        upsert.setString(11, text(d, "transporterCompanySiret"));
        upsert.setString(12, text(d, "destinationCompanySiret"));
        upsert.setTimestamp(13, timestamp(d, "transporterTakenOverAt"));
        upsert.setTimestamp(14, timestamp(d, "destinationReceptionDate"));
        upsert.setTimestamp(15, timestamp(d, "destinationOperationDate"));
        if (d.path("destinationReceptionWeight").isNumber()) {
            upsert.setDouble(16, d.get("destinationReceptionWeight").doubleValue());
        } else {
            upsert.setNull(16, Types.DOUBLE);
        }
        upsert.setString(17, text(d, "destinationOperationCode"));
        upsert.setString(18, json);
        upsert.addBatch();
    }

    private static void appendToChangeLog(Connection connection, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHANGE_LOG_LOCK);
            lock.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into register_change (seq, changed_at, operation, register, "
                + "org_id, document_id, bsd_id, version, line) values (nextval('register_change_seq'), clock_timestamp(), ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            for (Change change : changes) {
                insert.setString(1, change.operation());
                insert.setString(2, change.key().register().name());
                insert.setString(3, change.key().orgId());
                insert.setString(4, change.key().documentId());
                insert.setString(5, change.bsdId());
                insert.setLong(6, change.version());
                insert.setString(7, change.line());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Timestamp timestamp(JsonNode data, String field) {
        String value = text(data, field);
        return value == null ? null : Timestamp.from(Instant.parse(value));
    }

    private static JsonNode readTree(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored register line is not JSON", e);
        }
    }

    private record ExistingLine(RegisterLine.Key key, String bsdId, long version, JsonNode data) {
    }

    /** A change-log entry; {@code line} is the line's JSON (null for a delete). */
    private record Change(String operation, RegisterLine.Key key, String bsdId, long version, String line) {
        static Change upsert(RegisterLine line, long version, String json) {
            return new Change("UPSERT", line.key(), line.bsdId(), version, json);
        }

        static Change delete(RegisterLine.Key key, String bsdId, long version) {
            return new Change("DELETE", key, bsdId, version, null);
        }
    }
}
