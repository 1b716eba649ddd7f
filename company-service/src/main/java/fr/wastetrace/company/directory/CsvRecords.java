package fr.wastetrace.company.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a comma-separated file with a header line (RFC 4180 quoting), one record at a time, so that a file of
 * tens of millions of lines is read in constant memory.
 */
final class CsvRecords {
    private final BufferedReader reader;
    private final Map<String, Integer> columns = new HashMap<>();

    CsvRecords(BufferedReader reader) throws IOException {
        this.reader = reader;
        String header = reader.readLine();
        if (header == null) {
            throw new IOException("the file is empty: a header line was expected");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = split(header);
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i), i);
        }
    }

    void require(String... names) throws IOException {
        for (String name : names) {
            if (!columns.containsKey(name)) {
                throw new IOException("column " + name + " is missing from the header");
            }
        }
    }

    /** The next record, or null at the end of the file. */
    Row next() throws IOException {
        String line = reader.readLine();
        while (line != null && line.isBlank()) {
            line = reader.readLine();
        }
        if (line == null) {
            return null;
        }
        // A quoted value may span lines: read on while the quotes are unbalanced.
        while (line.chars().filter(c -> c == '"').count() % 2 == 1) {
            String more = reader.readLine();
            if (more == null) {
                break;
            }
            line = line + "\n" + more;
        }
        return new Row(split(line));
    }

    final class Row {
        private final List<String> values;

        private Row(List<String> values) {
            this.values = values;
        }

        /** The value of the column, or null when it is empty or absent. */
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= values.size()) {
                return null;
            }
            String value = values.get(index).trim();
            return value.isEmpty() ? null : value;
        }
    }

    static List<String> split(String line) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                values.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        values.add(current.toString());
        return values;
    }
}
