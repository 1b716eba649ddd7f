package fr.wastetrace.bsd.core.pdf;

import fr.wastetrace.graphql.TransportMode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PdfFormatTest {

    @Test
    void datesAreWrittenInParisTime() {
        assertEquals("27/11/2026", PdfFormat.date(Instant.parse("2026-11-27T10:00:00Z")));
        assertEquals("28/11/2026", PdfFormat.date(Instant.parse("2026-11-27T23:30:00Z")), "UTC+1 in winter");
        assertEquals("01/07/2026 à 01:15", PdfFormat.dateTime(Instant.parse("2026-06-30T23:15:00Z")), "UTC+2 in summer");
        assertEquals("", PdfFormat.date(null));
        assertEquals("", PdfFormat.dateTime(null));
    }

    @Test
    void quantitiesUseADecimalCommaAndGroupThousands() {
        assertEquals("1", PdfFormat.number(1.0));
        assertEquals("0,95", PdfFormat.number(0.95));
        assertEquals("12\u00a0500,25", PdfFormat.number(12500.25));
        assertEquals("1\u00a0000\u00a0000", PdfFormat.number(1_000_000.0));
        assertEquals("0,000001", PdfFormat.number(0.000001), "grams of a tonne are kept");
        assertEquals("0,333333", PdfFormat.number(1.0 / 3), "rounded to six decimals");
        assertEquals("0,1", PdfFormat.number(0.1 + 0.2 - 0.2), "float noise does not show");
        assertEquals("-2,5", PdfFormat.number(-2.5));
        assertEquals("", PdfFormat.number(null));
        assertEquals("", PdfFormat.number(Double.NaN));
        assertEquals("1,5\u00a0t", PdfFormat.tonnes(1.5));
        assertEquals("", PdfFormat.tonnes(null));
    }

    @Test
    void joinSkipsBlankValues() {
        assertEquals("1 rue X 75002 Paris", PdfFormat.join(" ", Arrays.asList("1 rue X", null, " 75002", "", "Paris ")));
        assertEquals("", PdfFormat.join(", ", null));
        assertEquals("a, b", PdfFormat.join(", ", List.of("a", "b")));
    }

    @Test
    void everyTransportModeHasAFrenchLabel() {
        for (TransportMode mode : TransportMode.values()) {
            assertFalse(PdfFormat.label(mode).isBlank(), mode.name());
        }
        assertEquals("oui", PdfFormat.yesNo(true));
        assertEquals("", PdfFormat.yesNo(null));
    }
}
