package fr.wastetrace.company.directory;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvRecordsTest {

    @Test
    void splitsQuotedValuesWithCommasAndDoubledQuotes() {
        assertEquals(List.of("a", "b, c", "say \"hi\"", ""), CsvRecords.split("a,\"b, c\",\"say \"\"hi\"\"\","));
    }

    @Test
    void readsRowsByColumnNameWhateverTheOrder() throws IOException {
        CsvRecords records = new CsvRecords(new BufferedReader(new StringReader(
                "\uFEFFsiret,name\n12345678901234,\"Nom, avec virgule\"\n\n98765432109876,\n")));
        CsvRecords.Row first = records.next();
        assertEquals("12345678901234", first.get("siret"));
        assertEquals("Nom, avec virgule", first.get("name"));
        CsvRecords.Row second = records.next();
        assertNull(second.get("name"));
        assertNull(second.get("absent"));
        assertNull(records.next());
    }

    @Test
    void aQuotedValueMaySpanLines() throws IOException {
        CsvRecords records = new CsvRecords(new BufferedReader(new StringReader("a,b\n\"x\ny\",z\n")));
        CsvRecords.Row row = records.next();
        assertEquals("x\ny", row.get("a"));
        assertEquals("z", row.get("b"));
    }

    @Test
    void namesAMissingRequiredColumn() throws IOException {
        CsvRecords records = new CsvRecords(new BufferedReader(new StringReader("siren\n1\n")));
        IOException error = assertThrows(IOException.class, () -> records.require("siret"));
        assertEquals("column siret is missing from the header", error.getMessage());
    }
}
