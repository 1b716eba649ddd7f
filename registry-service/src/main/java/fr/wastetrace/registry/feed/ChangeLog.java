package fr.wastetrace.registry.feed;

import fr.wastetrace.events.registry.RegisterLineChange;
import fr.wastetrace.registry.register.LineColumns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the projection's change log ({@code register_change}) in sequence order. An entry names a line and the version
 * of its BSD that changed it; the line itself is read from {@code register_line} (the log keeps no copy of it). An
 * {@code UPSERT} is given when the line is still as that change left it (same version); otherwise a later change of
 * the same line follows in the log (an upsert with the line as it is now, or its deletion) and this one is skipped:
 * a reader applying the changes in order ends with the same registers, without the intermediate states.
 */
final class ChangeLog {
    private static final String SELECT = "select c.seq, c.changed_at, c.operation, c.register, c.org_id, c.document_id, c.bsd_id, "
            + "c.version, l.document_id, " + LineColumns.ALL.stream().map(column -> "l." + column.column()).collect(Collectors.joining(", "))
            + " from register_change c left join register_line l on c.operation = 'UPSERT' and l.register = c.register "
            + "and l.org_id = c.org_id and l.document_id = c.document_id and l.version = c.version "
            + "where c.seq > ? and (c.operation = 'DELETE' or l.document_id is not null) order by c.seq limit ?";

    private ChangeLog() {
    }

    static List<RegisterLineChange> after(Connection connection, long afterSeq, int limit) throws SQLException {
        List<RegisterLineChange> changes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setLong(1, afterSeq);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    boolean upsert = rows.getString(9) != null;
                    changes.add(new RegisterLineChange(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getLong(8), upsert ? LineColumns.json(LineColumns.read(rows, 10, LineColumns.ALL)) : null));
                }
            }
        }
        return changes;
    }
}
