package fr.wastetrace.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvWriterTest {

    @Test
    void startsWithAByteOrderMarkAndSeparatesBySemicolonsAndCrLf() throws IOException {
        assertEquals("\uFEFFN° de bordereau;Dénomination\r\nBSD-1;Boues\r\n",
                write(List.of("N° de bordereau", "Dénomination"), List.of("BSD-1", "Boues")));
    }

    @Test
    void quotesAValueHoldingASeparatorAQuoteOrALineBreakAndDoublesItsQuotes() throws IOException {
        assertEquals("\uFEFFa;\"Boues; \"\"grasses\"\"\";\"deux\r\nlignes\";\"une\nligne\";\"retour\rchariot\";AB-1, CD-2\r\n",
                write(List.of("a", "Boues; \"grasses\"", "deux\r\nlignes", "une\nligne", "retour\rchariot", "AB-1, CD-2")));
    }

    @Test
    void writesAnyOtherValueAsItIs() throws IOException {
        assertEquals("\uFEFF; début;fin ;#1;1,25;\r\n", write(List.of("", " début", "fin ", "#1", "1,25", "")));
    }

    @Test
    void aNullIsAnEmptyValue() throws IOException {
        assertEquals("\uFEFFa;;b\r\n", write(Arrays.asList("a", null, "b")));
    }

    @Test
    void valuesMayBeWrittenOneByOne() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter writer = new CsvWriter(out);
        writer.value("x");
        writer.value("y;z");
        writer.endLine();
        writer.value("next");
        writer.endLine();
        writer.flush();
        assertEquals("\uFEFFx;\"y;z\"\r\nnext\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCsvLibraryReadsBackExactlyWhatWasWritten() throws IOException {
        Random random = new Random(24);
        String alphabet = "aé; \"\r\n,#'\t=";
        List<List<String>> lines = new ArrayList<>();
        for (int l = 0; l < 500; l++) {
            List<String> line = new ArrayList<>();
            for (int v = 0; v < 1 + random.nextInt(6); v++) {
                StringBuilder value = new StringBuilder();
                for (int c = random.nextInt(8); c > 0; c--) {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                line.add(value.toString());
            }
            lines.add(line);
        }
        String csv = write(lines.toArray(List[]::new));
        CSVFormat rfc4180 = CSVFormat.RFC4180.builder().setDelimiter(';').get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)), rfc4180)) {
            List<List<String>> read = parser.getRecords().stream().map(CSVRecord::toList).toList();
            assertEquals(lines, read);
        }
    }

    @SafeVarargs
    private static String write(List<String>... lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter writer = new CsvWriter(out);
        for (List<String> line : lines) {
            writer.line(line);
        }
        writer.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The bytes are those of the rule applied to the whole text then encoded by the JDK (quoting decided per value,
     * UTF-8 of accents, symbols beyond the BMP and lone surrogates), values and lines crossing the writer's 64 KiB
     * buffer included, and values longer than the buffer.
     */
    @Test
    void encodesAsTheJdkWouldTheTextOfTheRuleAcrossBufferBoundaries() throws IOException {
        Random random = new Random(11);
        String alphabet = "abcXYZ 019;\"\r\néèàçÉ€😀\uD800";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder expected = new StringBuilder("\uFEFF");
        CsvWriter writer = new CsvWriter(out);
        for (int line = 0; line < 3_000; line++) {
            int values = 1 + random.nextInt(12);
            for (int v = 0; v < values; v++) {
                int length = random.nextInt(50) == 0 ? 70_000 + random.nextInt(70_000) : random.nextInt(40);
                StringBuilder value = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    int at = random.nextInt(alphabet.length());
                    value.append(random.nextInt(3) == 0 ? alphabet.charAt(at) : (char) ('a' + random.nextInt(26)));
                }
                String text = value.toString();
                writer.value(text);
                expected.append(v == 0 ? "" : ";").append(CsvWriter.needsQuotes(text) ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
            }
            writer.endLine();
            expected.append("\r\n");
        }
        writer.flush();
        assertEquals(true, Arrays.equals(expected.toString().getBytes(StandardCharsets.UTF_8), out.toByteArray()));
    }
}
