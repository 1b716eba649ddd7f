package fr.wastetrace.bsd.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.subgraph.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sealing and requirement by signature step, on a small made-up type. */
class EditionRulesTest {
    /** The conditions look at whether the caller is the emitter. */
    record Ctx(boolean emitter) {
    }

    private static final EditionRules<Ctx> RULES = EditionRules.<Ctx>builder(List.of("EMISSION", "TRANSPORT", "RECEPTION"))
            .required("waste.code", "Le code déchet", "EMISSION", "EMISSION")
            .rule("quantity", "La quantité", c -> c.emitter() ? "TRANSPORT" : "EMISSION", c -> true, "EMISSION",
                    (c, s) -> true)
            .required("reception.weight", "Le poids reçu", "RECEPTION", "RECEPTION")
            .sealed("customId", "Le numéro libre", "RECEPTION")
            .build();

    private static JsonNode json(String text) throws Exception {
        return EventCodec.mapper().readTree(text);
    }

    @Test
    void aFieldIsSealedOnceItsStepOrALaterOneIsSigned() {
        assertEquals(List.of(), RULES.sealedPaths(new Ctx(false), List.of()));
        assertEquals(List.of("waste.code", "quantity"), RULES.sealedPaths(new Ctx(false), List.of("EMISSION")));
        assertEquals(List.of("waste.code"), RULES.sealedPaths(new Ctx(true), List.of("EMISSION")));
        assertEquals(List.of("waste.code", "quantity"), RULES.sealedPaths(new Ctx(true), List.of("TRANSPORT")));
        assertEquals(4, RULES.sealedPaths(new Ctx(true), List.of("EMISSION", "TRANSPORT", "RECEPTION")).size());
    }

    @Test
    void changingASealedFieldIsRefusedNamingIt() {
        ApiException e = assertThrows(ApiException.BadUserInput.class, () -> RULES.checkNotSealed(new Ctx(false),
                List.of("EMISSION"), Set.of("quantity", "customId"), ""));
        assertEquals("Des champs ont été verrouillés via signature et ne peuvent plus être modifiés : La quantité",
                e.getMessage());
        assertDoesNotThrow(() -> RULES.checkNotSealed(new Ctx(true), List.of("EMISSION"), Set.of("quantity"), ""));
        assertThrows(ApiException.BadUserInput.class, () -> RULES.checkNotSealed(new Ctx(false), List.of("EMISSION"),
                Set.of("waste"), ""), "a whole object replaced touches its sealed fields");
    }

    @Test
    void requiredFieldsAreThoseOfTheStepAndTheStepsBefore() throws Exception {
        JsonNode empty = json("{\"waste\": {\"code\": \" \"}, \"reception\": {}}");
        assertEquals(List.of("waste.code", "quantity"),
                RULES.missing(new Ctx(false), empty, "EMISSION").stream().map(EditionRules.Missing::path).toList());
        assertEquals(3, RULES.missing(new Ctx(false), empty, "RECEPTION").size());
        Problems problems = RULES.require(new Ctx(false), json("{\"waste\": {\"code\": \"16 01 06\"}, \"quantity\": 2}"),
                "EMISSION", new Problems());
        assertTrue(problems.isEmpty());
        EditionRules.Missing missing = RULES.missing(new Ctx(false), empty, "EMISSION").get(0);
        assertEquals("Le code déchet est un champ requis.", missing.message());
        assertEquals("EMISSION", missing.requiredFor());
    }
}
