package fr.wastetrace.csv;

import java.io.IOException;
import java.io.OutputStream;
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
    private static final byte SEPARATOR = ';';
    private static final int BUFFER = 64 * 1024;

    private final OutputStream out;
    /** UTF-8 bytes not yet written: the values are encoded here, in one pass with the quoting check. */
    private final byte[] buffer = new byte[BUFFER];
    private int size;
    private boolean lineStarted;

    /** Starts a file on the stream (its byte-order mark); the caller closes the stream after {@link #flush()}. */
    public CsvWriter(OutputStream stream) throws IOException {
        this.out = stream;
        buffer[size++] = (byte) 0xEF;
        buffer[size++] = (byte) 0xBB;
        buffer[size++] = (byte) 0xBF;
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
            put(SEPARATOR);
        }
        lineStarted = true;
        if (value == null || value.isEmpty()) {
            return;
        }
        int mark = size;
        if (!encode(value, false)) {
            return;
        }
        // The value needs quotes: what was encoded of it is dropped, and it is written again, quoted.
        size = mark;
        put((byte) '"');
        encode(value, true);
        put((byte) '"');
    }

    public void endLine() throws IOException {
        put((byte) '\r');
        put((byte) '\n');
        lineStarted = false;
    }

    /** Writes out what is buffered; the stream stays open. */
    public void flush() throws IOException {
        drain();
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

    /**
     * Encodes the value as UTF-8 into the buffer; unquoted, stops and returns true at the first character that needs
     * quotes (then nothing of the value may have been written out yet: a value is at most a few buffers long, and
     * the buffer is only drained before a value starts); quoted, doubles the double quotes.
     */
    private boolean encode(String value, boolean quoted) throws IOException {
        int length = value.length();
        if (!quoted && size + 3L * length > BUFFER) {
            // A value longer than what the buffer has left: checked first, so that no part of it is drained unquoted.
            if (needsQuotes(value)) {
                return true;
            }
            quoted = true;   // nothing to double: the same bytes as unquoted
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c == ';' || c == '"' || c == '\n' || c == '\r') {
                    if (!quoted) {
                        return true;
                    }
                    if (c == '"') {
                        put((byte) '"');
                    }
                }
                put((byte) c);
            } else if (c < 0x800) {
                put((byte) (0xC0 | (c >> 6)));
                put((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                put((byte) (0xF0 | (code >> 18)));
                put((byte) (0x80 | ((code >> 12) & 0x3F)));
                put((byte) (0x80 | ((code >> 6) & 0x3F)));
                put((byte) (0x80 | (code & 0x3F)));
            } else if (Character.isSurrogate(c)) {
                put((byte) '?');   // a lone surrogate, as the JDK's UTF-8 encoder replaces it
            } else {
                put((byte) (0xE0 | (c >> 12)));
                put((byte) (0x80 | ((c >> 6) & 0x3F)));
                put((byte) (0x80 | (c & 0x3F)));
            }
        }
        return false;
    }

    private void put(byte b) throws IOException {
        if (size == BUFFER) {
            drain();
        }
        buffer[size++] = b;
    }

    private void drain() throws IOException {
        if (size > 0) {
            out.write(buffer, 0, size);
            size = 0;
        }
    }
}
