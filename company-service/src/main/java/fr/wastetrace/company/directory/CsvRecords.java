package fr.wastetrace.company.directory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Streams a comma-separated file with a header line (RFC 4180, read by Apache Commons CSV), one record at a time, so
 * that a file of tens of millions of lines is read in constant memory. Columns are looked up by name.
 */
final class CsvRecords {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .get();

    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns = new HashMap<>();

    CsvRecords(BufferedReader reader) throws IOException {
        skipByteOrderMark(reader);
        CSVParser parser = FORMAT.parse(reader);
        this.records = parser.iterator();
        if (!records.hasNext()) {
            throw new IOException("the file is empty: a header line was expected");
        }
        List<String> names = records.next().toList();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i), i);
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
        try {
            return records.hasNext() ? new Row(records.next()) : null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    final class Row {
        private final CSVRecord record;

        private Row(CSVRecord record) {
            this.record = record;
        }

        /** The value of the column, or null when it is empty or absent. */
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index).trim();
            return value.isEmpty() ? null : value;
        }
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }
}
