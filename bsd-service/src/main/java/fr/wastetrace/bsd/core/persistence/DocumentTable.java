package fr.wastetrace.bsd.core.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * How one BSD type is stored: a table holding the document ({@code data jsonb}, the GraphQL field names) and the
 * columns derived from it on every write. Every document table has the same base columns (id, status, version,
 * is_draft, is_deleted, owner_subject, timestamps, org_ids, draft_access_org_ids, data); a type adds its own
 * derived columns (org ids by role, custom id...) for its queries.
 *
 * @param name           the table
 * @param bsdType        the type's name, written in the shared tables ({@code bsd_transporter}, {@code bsd_status_log})
 * @param documentClass  the document's class (the GraphQL type of the BSD)
 * @param multimodal     whether the document's {@code transporters} are rows of {@code bsd_transporter}
 * @param contributors   every org id on the document (column {@code org_ids}: who may see it once published)
 * @param columns        the type's derived columns
 */
public record DocumentTable<D>(String name, String bsdType, Class<D> documentClass, boolean multimodal,
                               Function<D, Set<String>> contributors, List<Column<D>> columns) {

    public DocumentTable {
        columns = List.copyOf(columns);
    }

    /** A column derived from the document. */
    public record Column<D>(String name, Kind kind, Function<D, Object> value) {
        public static <D> Column<D> text(String name, Function<D, String> value) {
            return new Column<>(name, Kind.TEXT, value::apply);
        }

        public static <D> Column<D> textArray(String name, Function<D, ? extends Collection<String>> value) {
            return new Column<>(name, Kind.TEXT_ARRAY, value::apply);
        }

        public static <D> Column<D> timestamp(String name, Function<D, Instant> value) {
            return new Column<>(name, Kind.TIMESTAMP, value::apply);
        }
    }

    public enum Kind { TEXT, TEXT_ARRAY, TIMESTAMP }
}
