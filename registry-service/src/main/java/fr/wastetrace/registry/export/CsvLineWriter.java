package fr.wastetrace.registry.export;

import fr.wastetrace.registry.register.LineColumns;
import fr.wastetrace.csv.CsvWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A register as CSV, through the suite's one CSV writer ({@code ;}, RFC 4180 quoting, UTF-8 with a byte-order mark). */
final class CsvLineWriter implements LineWriter {
    private final CsvWriter out;
    /** The index in a line's values of each file column. */
    private final int[] indexes;
    /** Whether the field at that index is a date: looked up once, not for each cell. */
    private final boolean[] dates;
    /** The last day computed in each column. */
    private final CellFormat.Days[] days;

    CsvLineWriter(OutputStream stream, List<String> fields, Map<String, String> labels, Set<String> dateFields) throws IOException {
        this.out = new CsvWriter(stream);
        this.indexes = fields.stream().mapToInt(f -> LineColumns.of(f).index()).toArray();
        this.dates = new boolean[fields.size()];
        this.days = new CellFormat.Days[fields.size()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = dateFields.contains(fields.get(i));
            days[i] = new CellFormat.Days();
        }
        for (String field : fields) {
            out.value(labels.get(field));
        }
        out.endLine();
    }

    @Override
    public void line(Object[] values) throws IOException {
        for (int i = 0; i < indexes.length; i++) {
            out.value(CellFormat.text(values[indexes[i]], dates[i], days[i]));
        }
        out.endLine();
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
