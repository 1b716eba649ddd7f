package fr.wastetrace.identity;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorMessagesTest {

    @Test
    void englishOnlyWhenPreferredToFrench() {
        assertEquals("fr", ErrorMessages.negotiate(null));
        assertEquals("fr", ErrorMessages.negotiate(""));
        assertEquals("en", ErrorMessages.negotiate("en"));
        assertEquals("en", ErrorMessages.negotiate("en-GB"));
        assertEquals("en", ErrorMessages.negotiate("EN-us,en;q=0.9"));
        assertEquals("fr", ErrorMessages.negotiate("fr-FR,fr;q=0.9,en;q=0.8"));
        assertEquals("en", ErrorMessages.negotiate("fr;q=0.5, en;q=0.8"));
        assertEquals("en", ErrorMessages.negotiate("de, en;q=0.7"), "an unknown language does not count");
        assertEquals("fr", ErrorMessages.negotiate("de"));
        assertEquals("fr", ErrorMessages.negotiate("es, *;q=0.5"));
        assertEquals("fr", ErrorMessages.negotiate("en;q=0"), "q=0 means not acceptable");
        assertEquals("fr", ErrorMessages.negotiate("fr, en"), "equal weights: the first wins");
        assertEquals("en", ErrorMessages.negotiate("en, fr"));
        assertEquals("en", ErrorMessages.negotiate("en;q=abc"), "an unreadable weight is ignored");
    }

    @Test
    void translatesExactMessagesAndTemplatesWithTheirVariableParts() {
        Map<String, String> catalogue = new LinkedHashMap<>();
        catalogue.put("Votre nom est obligatoire.", "Your name is required.");
        catalogue.put("Le SIRET « {} » n'est pas valide.", "The SIRET “{}” is not valid.");
        catalogue.put("{} : le BSDA {} n'existe pas.", "{}: the BSDA {} does not exist.");
        catalogue.put("« {} » : {}", "“{}”: {}");
        catalogue.put("« {} » : {} n'est pas un {} valide ({}).", "“{}”: {} is not a valid {} ({}).");
        ErrorMessages messages = new ErrorMessages(catalogue);

        assertEquals("Your name is required.", messages.in("en", "Votre nom est obligatoire."));
        assertEquals("Votre nom est obligatoire.", messages.in("fr", "Votre nom est obligatoire."));
        assertEquals("The SIRET “123” is not valid.", messages.in("en", "Le SIRET « 123 » n'est pas valide."));
        assertEquals("grouping[0]: the BSDA BSDA-1 does not exist.", messages.in("en", "grouping[0] : le BSDA BSDA-1 n'existe pas."));
        assertEquals("“$a”: 3 is not a valid Int (entier).", messages.in("en", "« $a » : 3 n'est pas un Int valide (entier)."),
                "the template with the most fixed text wins");
        assertEquals("Inconnu.", messages.in("en", "Inconnu."), "a message without an entry stays French");
        assertEquals("Your name is required.\nThe SIRET “1” is not valid.\nInconnu.",
                messages.in("en", "Votre nom est obligatoire.\nLe SIRET « 1 » n'est pas valide.\nInconnu."),
                "a list of problems is translated line by line");
        assertEquals("“a”: b\nYour name is required.", messages.in("en", "« a » : b\nVotre nom est obligatoire."),
                "a template's variable part never swallows the next lines");
        assertTrue(messages.covers("Le SIRET « {} » n'est pas valide."));
        assertFalse(messages.covers("Le SIREN « {} » n'est pas valide."));
    }

    @Test
    void readsPairsOfLines() throws IOException {
        String text = "# comment\n\nfr: Un.\nen: One.\n\nfr: Deux {}.\nen: Two {}.\n";
        Map<String, String> catalogue = ErrorMessages.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Map.of("Un.", "One.", "Deux {}.", "Two {}."), catalogue);
        assertThrows(IOException.class, () -> ErrorMessages.parse(new ByteArrayInputStream(
                "fr: Un.\nfr: Deux.\n".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IOException.class, () -> ErrorMessages.parse(new ByteArrayInputStream(
                "fr: Un.\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void errorIdsAreShortAndDistinct() {
        String id = ErrorMessages.newErrorId();
        assertTrue(id.matches("[0-9a-z]{12}"), id);
        assertNotEquals(id, ErrorMessages.newErrorId());
    }
}
