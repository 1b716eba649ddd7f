package fr.wastetrace.company.directory;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvRecordsTest {

    @Test
    void readsQuotedValuesWithCommasAndDoubledQuotes() throws IOException {
        CsvRecords records = records("a,b,c,d\na,\"b, c\",\"say \"\"hi\"\"\",\n");
        CsvRecords.Row row = records.next();
        assertEquals("a", row.get("a"));
        assertEquals("b, c", row.get("b"));
        assertEquals("say \"hi\"", row.get("c"));
        assertNull(row.get("d"));
    }

    @Test
    void readsRowsByColumnNameWhateverTheOrder() throws IOException {
        CsvRecords records = records("\uFEFFsiret,name\n12345678901234,\"Nom, avec virgule\"\n\n98765432109876,\n");
        CsvRecords.Row first = records.next();
        assertEquals("12345678901234", first.get("siret"));
        assertEquals("Nom, avec virgule", first.get("name"));
        CsvRecords.Row second = records.next();
        assertEquals("98765432109876", second.get("siret"));
        assertNull(second.get("name"));
        assertNull(second.get("absent"));
        assertNull(records.next());
    }

    @Test
    void aQuotedValueMaySpanLines() throws IOException {
        CsvRecords records = records("a,b\r\n\"x\ny\",z\r\n");
        CsvRecords.Row row = records.next();
        assertEquals("x\ny", row.get("a"));
        assertEquals("z", row.get("b"));
    }

    @Test
    void aShortLineLacksItsLastColumnsAndValuesAreTrimmed() throws IOException {
        CsvRecords row = records("siret,siren,name\n 12345678901234 ,123456789\n");
        CsvRecords.Row only = row.next();
        assertEquals("12345678901234", only.get("siret"));
        assertNull(only.get("name"));
    }

    @Test
    void namesAMissingRequiredColumn() throws IOException {
        CsvRecords records = records("siren\n1\n");
        IOException error = assertThrows(IOException.class, () -> records.require("siret"));
        assertEquals("column siret is missing from the header", error.getMessage());
    }

    @Test
    void anEmptyFileHasNoHeader() {
        IOException error = assertThrows(IOException.class, () -> records(""));
        assertEquals("the file is empty: a header line was expected", error.getMessage());
    }

    private static CsvRecords records(String text) throws IOException {
        return new CsvRecords(new BufferedReader(new StringReader(text)));
    }
}
