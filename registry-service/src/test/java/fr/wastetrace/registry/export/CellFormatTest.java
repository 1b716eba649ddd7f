package fr.wastetrace.registry.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.wastetrace.registry.register.LineColumns;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CellFormatTest {
    private static final DateTimeFormatter GENERAL = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ExportRequest.FRANCE);

    @Test
    void theFastDayIsTheGeneralParsersDayForAnyInstant() {
        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("1950-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertEquals(GENERAL.format(instant), CellFormat.utcInstantDay(text), text);
        }
    }

    @Test
    void midnightInFranceAroundDaylightSavingChanges() {
        // 22:00/23:00 UTC is midnight in Paris in summer/winter; the last Sundays of March and October switch.
        for (String text : List.of("2026-03-28T22:59:59Z", "2026-03-28T23:00:00Z", "2026-03-29T21:59:59Z", "2026-03-29T22:00:00Z",
                "2026-10-24T21:59:59.999999Z", "2026-10-24T22:00:00Z", "2026-10-25T22:59:59Z", "2026-10-25T23:00:00Z",
                "2026-12-31T23:00:00Z", "2026-12-31T22:59:59.5Z")) {
            assertEquals(GENERAL.format(Instant.parse(text)), CellFormat.utcInstantDay(text), text);
        }
        assertEquals("2027-01-01", CellFormat.utcInstantDay("2026-12-31T23:00:00Z"));
        assertEquals("2026-12-31", CellFormat.utcInstantDay("2026-12-31T22:59:59.5Z"));
    }

    @Test
    void otherTextsTakeTheGeneralPath() {
        for (String text : List.of("2026-11-27", "2026-11-27T10:00:00+01:00", "2026-11-27T10:00:00.Z", "2026-13-01T00:00:00Z",
                "2026-02-30T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T10:60:00Z", "2026-11-27T10:00:00.12a4Z",
                "20x6-11-27T10:00:00Z", "2026-11-27 10:00:00Z")) {
            assertNull(CellFormat.utcInstantDay(text), text);
        }
        assertEquals("2026-11-27", CellFormat.text(TextNode.valueOf("2026-11-27T10:00:00+01:00"), true), "offset: general parser");
        assertEquals("pas une date", CellFormat.text(TextNode.valueOf("pas une date"), true));
    }

    /**
     * The column rendering (a stored value) and the JSON rendering (the same value in a line's JSON document, as the
     * lines were stored before they became columns) give the same cell, for every kind of column.
     */
    @Test
    void aStoredValueReadsAsTheSameValueInALinesJson() {
        SplittableRandom random = new SplittableRandom(7);
        long from = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2060-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000) * 1000);
            line.put("createdAt", instant.toString());
            line.put("transporter2HandedOverSignatureDate", instant.toString());
            line.put("weight", random.nextInt(4) == 0 ? (double) random.nextInt(100) : random.nextDouble() * Math.pow(10, random.nextInt(-6, 7)));
            line.put("pop", random.nextBoolean());
            line.put("wasteDescription", "Boues; \"grasses\" n°" + i);
            line.putArray("transporterNumberPlates").add("AB-" + i).add("CD-2");
            line.putArray("destinationFinalOperationWeights").add(random.nextDouble()).add(2.0);
            line.putArray("destinationFinalOperationCodes");
            Object[] values = LineColumns.values(line);
            for (String field : List.of("createdAt", "transporter2HandedOverSignatureDate", "weight", "pop", "wasteDescription",
                    "transporterNumberPlates", "destinationFinalOperationWeights", "destinationFinalOperationCodes")) {
                boolean date = field.equals("createdAt") || field.endsWith("SignatureDate");
                // The JSON as PostgreSQL's jsonb gave it back, read with the line's mapper.
                assertEquals(CellFormat.text(line.get(field), date), CellFormat.text(values[LineColumns.of(field).index()], date),
                        field + " = " + line.get(field));
            }
            assertEquals(line, LineColumns.json(values));
        }
    }
}
