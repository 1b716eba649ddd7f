package fr.wastetrace.registry.register;

import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.registry.GoldenEvents;
import fr.wastetrace.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database deployed with the lines as JSON documents (migration 1) upgrades in place: after migration 2, each line's
 * columns hold what its JSON held, the keys, versions and dates are kept, and the change log keeps its entries
 * without their copy of the line.
 */
class LineColumnsMigrationTest {
    private static final List<RegisterMapper> MAPPERS = List.of(new BsddLines(), new BsdaLines(), new BsdasriLines(),
            new BsffLines(), new BspaohLines(), new BsvhuLines());

    @Test
    void linesStoredAsJsonBecomeTheSameColumns() throws Exception {
        Map<RegisterLine.Key, RegisterLine> lines = new LinkedHashMap<>();
        for (EventEnvelope event : GoldenEvents.events()) {
            for (RegisterMapper mapper : MAPPERS) {
                if (mapper.events().aggregateType().equals(event.aggregateType())) {
                    for (RegisterLine line : mapper.lines(event.aggregateId(), event.payload())) {
                        lines.put(line.key(), line);   // the latest version's lines, as the projection keeps them
                    }
                }
            }
        }
        assertTrue(lines.size() > 30, "lines of the six types: " + lines.size());
        try (TestDatabase database = TestDatabase.create("registry-migration")) {
            Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                    .locations("classpath:db/migration").target("1").load().migrate();
            try (Connection connection = database.connect()) {
                insertAsJson(connection, lines.values());
            }
            Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                    .locations("classpath:db/migration").load().migrate();
            try (Connection connection = database.connect()) {
                List<String> checked = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("select register, org_id, document_id, bsd_id, version, "
                        + "sort_at, " + LineColumns.selectList(LineColumns.ALL) + " from register_line");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        RegisterLine.Key key = new RegisterLine.Key(RegisterType.valueOf(rows.getString(1)), rows.getString(2),
                                rows.getString(3));
                        RegisterLine line = lines.get(key);
                        assertEquals(line.bsdId(), rows.getString(4));
                        assertEquals(7, rows.getLong(5));
                        assertEquals(line.sortAt(), rows.getObject(6, OffsetDateTime.class).toInstant());
                        assertArrayEquals(LineColumns.values(line.data()), LineColumns.read(rows, 7, LineColumns.ALL), key.toString());
                        assertEquals(line.data(), LineColumns.json(LineColumns.read(rows, 7, LineColumns.ALL)), key.toString());
                        checked.add(key.toString());
                    }
                }
                assertEquals(lines.size(), checked.size());
                try (PreparedStatement select = connection.prepareStatement("select count(*), count(*) filter (where operation = 'UPSERT') "
                        + "from register_change");
                     ResultSet rows = select.executeQuery()) {
                    rows.next();
                    assertEquals(lines.size() + 1, rows.getInt(1));
                    assertEquals(lines.size(), rows.getInt(2));
                }
                try (PreparedStatement select = connection.prepareStatement("select count(*) from information_schema.columns "
                        + "where table_schema = current_schema() and table_name in ('register_line', 'register_change') "
                        + "and column_name in ('data', 'line')");
                     ResultSet rows = select.executeQuery()) {
                    rows.next();
                    assertEquals(0, rows.getInt(1), "no JSON copy of the line is left");
                }
            }
        }
    }

    /** As the projection wrote them before migration 2 (its dedicated filter columns included). */
    private static void insertAsJson(Connection connection, Iterable<RegisterLine> lines) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into register_line (register, org_id, document_id, bsd_id, "
                + "version, sort_at, created_at, bsd_type, waste_code, emitter_siret, transporter_siret, destination_siret, data) "
                + "values (?, ?, ?, ?, 7, ?, ?::timestamptz, ?, ?, ?, ?, ?, ?::jsonb)");
             PreparedStatement change = connection.prepareStatement("insert into register_change (seq, changed_at, operation, register, "
                     + "org_id, document_id, bsd_id, version, line) values (nextval('register_change_seq'), now(), ?, ?, ?, ?, ?, 7, ?::jsonb)")) {
            RegisterLine last = null;
            for (RegisterLine line : lines) {
                insert.setString(1, line.register().name());
                insert.setString(2, line.orgId());
                insert.setString(3, line.documentId());
                insert.setString(4, line.bsdId());
                insert.setTimestamp(5, Timestamp.from(line.sortAt()));
                insert.setString(6, line.data().path("createdAt").asText(null));
                insert.setString(7, line.data().path("bsdType").asText());
                insert.setString(8, line.data().path("wasteCode").asText(null));
                insert.setString(9, line.data().path("emitterCompanySiret").asText(null));
                insert.setString(10, line.data().path("transporterCompanySiret").asText(null));
                insert.setString(11, line.data().path("destinationCompanySiret").asText(null));
                insert.setString(12, line.data().toString());
                insert.addBatch();
                change.setString(1, "UPSERT");
                change.setString(2, line.register().name());
                change.setString(3, line.orgId());
                change.setString(4, line.documentId());
                change.setString(5, line.bsdId());
                change.setString(6, line.data().toString());
                change.addBatch();
                last = line;
            }
            assertFalse(last == null);
            change.setString(1, "DELETE");
            change.setString(2, last.register().name());
            change.setString(3, "gone");
            change.setString(4, last.documentId());
            change.setString(5, last.bsdId());
            change.setString(6, null);
            change.addBatch();
            insert.executeBatch();
            change.executeBatch();
        }
    }
}
