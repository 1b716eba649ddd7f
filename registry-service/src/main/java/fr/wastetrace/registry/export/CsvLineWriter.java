package fr.wastetrace.registry.export;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.csv.CsvWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A register as CSV, through the suite's one CSV writer ({@code ;}, RFC 4180 quoting, UTF-8 with a byte-order mark). */
final class CsvLineWriter implements LineWriter {
    private final CsvWriter out;
    private final List<String> fields;
    /** Whether the field at that index is a date: looked up once, not for each cell. */
    private final boolean[] dates;

    CsvLineWriter(OutputStream stream, List<String> fields, Map<String, String> labels, Set<String> dateFields) throws IOException {
        this.out = new CsvWriter(stream);
        this.fields = fields;
        this.dates = new boolean[fields.size()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = dateFields.contains(fields.get(i));
        }
        for (String field : fields) {
            out.value(labels.get(field));
        }
        out.endLine();
    }

    @Override
    public void line(JsonNode data) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            out.value(CellFormat.text(data.get(fields.get(i)), dates[i]));
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
