package fr.wastetrace.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one writer of every CSV file the platform hands out (register exports, the list of a user's companies): UTF-8
 * with a byte-order mark (so that spreadsheet software reads the accents), values separated by {@code ;}, lines ended
 * by CRLF, and one quoting rule, RFC 4180's: a value that holds a {@code ;}, a double quote, a CR or an LF is put
 * between double quotes, its own double quotes doubled; any other value is written as it is. Streams: nothing but a
 * 64 KiB buffer is held, whatever the number of lines.
 *
 * <p>Written by hand rather than through Apache Commons CSV's printer (which the suite uses to read CSV): the register
 * exports write tens of millions of values, and {@code bench/run csvwriter} measures this writer against the
 * library's on the same lines (see BENCHMARKS.md). {@code CsvWriterTest} reads what it writes back with the library.
 */
public final class CsvWriter {
    private static final char SEPARATOR = ';';
    private static final String LINE_END = "\r\n";

    private final Writer out;
    private boolean lineStarted;

    /** Starts a file on the stream (its byte-order mark); the caller closes the stream after {@link #flush()}. */
    public CsvWriter(OutputStream stream) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        out.write('\uFEFF');
    }

    /** One line of values (a null is an empty value). */
    public void line(List<String> values) throws IOException {
        for (String value : values) {
            value(value);
        }
        endLine();
    }

    /** The next value of the line being written (a null is an empty value); {@link #endLine()} ends the line. */
    public void value(String value) throws IOException {
        if (lineStarted) {
            out.write(SEPARATOR);
        }
        lineStarted = true;
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    public void endLine() throws IOException {
        out.write(LINE_END);
        lineStarted = false;
    }

    /** Writes out what is buffered; the stream stays open. */
    public void flush() throws IOException {
        out.flush();
    }

    /** The quoting rule (RFC 4180, section 2, rule 6), with {@code ;} as the separator. */
    static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == SEPARATOR || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
