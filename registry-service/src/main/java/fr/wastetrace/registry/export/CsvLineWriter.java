package fr.wastetrace.registry.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CSV separated by {@code ;}, UTF-8 with a byte-order mark (so that spreadsheet software reads the accents). */
final class CsvLineWriter implements LineWriter {
    private final Writer out;
    private final List<String> fields;
    /** Whether the field at that index is a date: looked up once, not for each cell. */
    private final boolean[] dates;

    CsvLineWriter(OutputStream stream, List<String> fields, Map<String, String> labels, Set<String> dateFields) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        this.fields = fields;
        this.dates = new boolean[fields.size()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = dateFields.contains(fields.get(i));
        }
        out.write('\uFEFF');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(escape(labels.get(fields.get(i))));
        }
        out.write("\r\n");
    }

    @Override
    public void line(JsonNode data) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(';');
            }
            String field = fields.get(i);
            out.write(escape(CellFormat.text(data.get(field), dates[i])));
        }
        out.write("\r\n");
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    static String escape(String value) {
        if (value.indexOf(';') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
