package fr.wastetrace.company.companies;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiretTest {

    @ParameterizedTest
    @ValueSource(strings = {"73282932000074", "91000000100008", "90000000100009", "35600000000048", "35600000049837"})
    void acceptsSiretsWithAValidKey(String siret) {
        assertTrue(Siret.isValid(siret), siret);
    }

    @ParameterizedTest
    @ValueSource(strings = {"73282932000075", "91000000100009", "35600000012345", "7328293200007", "732829320000741",
            "7328293200007A", ""})
    void refusesWrongKeysAndWrongShapes(String siret) {
        assertFalse(Siret.isValid(siret), siret);
    }

    @Test
    void refusesNull() {
        assertFalse(Siret.isValid(null));
    }

    @Test
    void everySingleDigitChangeBreaksTheKey() {
        String valid = "73282932000074";
        for (int position = 0; position < valid.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                String changed = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertFalse(Siret.luhn(changed), changed);
            }
        }
    }

    @Test
    void cleansTheSpacesPeopleType() {
        assertEquals("73282932000074", Siret.clean(" 732 829 320 00074 "));
    }
}
