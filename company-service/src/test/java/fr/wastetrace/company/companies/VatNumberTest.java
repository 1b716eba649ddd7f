package fr.wastetrace.company.companies;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VatNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"BE0123456789", "DE123456789", "ESX1234567X", "IT12345678901", "NL123456789B01",
            "FR32123456789", "ATU12345678", "IE1234567WA", "LU12345678", "PL1234567890"})
    void acceptsTheNationalFormats(String vat) {
        assertTrue(VatNumber.isValid(vat), vat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BE123", "DE12345678", "XX123456789", "US123456789", "NL123456789C01", "FR1234", "12345678901"})
    void refusesOtherShapes(String vat) {
        assertFalse(VatNumber.isValid(vat), vat);
    }

    @Test
    void cleansSpacesDotsAndCase() {
        assertEquals("BE0123456789", VatNumber.clean(" be 0123.456.789 "));
    }

    @Test
    void tellsAVatClueFromASiretOrAName() {
        assertTrue(VatNumber.looksLikeVat("BE0123456789"));
        assertFalse(VatNumber.looksLikeVat("73282932000074"));
        assertFalse(VatNumber.looksLikeVat("Recyclage"));
    }
}
