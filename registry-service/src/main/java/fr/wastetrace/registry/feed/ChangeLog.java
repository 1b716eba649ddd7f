package fr.wastetrace.registry.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.registry.RegisterLineChange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads the projection's change log ({@code register_change}) in sequence order. */
final class ChangeLog {
    private ChangeLog() {
    }

    static List<RegisterLineChange> after(Connection connection, long afterSeq, int limit) throws SQLException {
        List<RegisterLineChange> changes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select seq, changed_at, operation, register, org_id, "
                + "document_id, bsd_id, version, line::text from register_change where seq > ? order by seq limit ?")) {
            select.setLong(1, afterSeq);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String line = rows.getString(9);
                    changes.add(new RegisterLineChange(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getLong(8), line == null ? null : readTree(line)));
                }
            }
        }
        return changes;
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a change-log line is not JSON", e);
        }
    }
}
