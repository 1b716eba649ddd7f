package fr.wastetrace.bsd.reference;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code wastetrace*} reference queries, asked anonymously: what they answer and how they refuse. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class ReferenceDataApiQuarkusTest {

    private static JsonNode anonymous(String query) {
        return WorkflowActors.call("anonymous", query, EventCodec.mapper().createObjectNode());
    }

    private static JsonNode data(String query) {
        JsonNode response = anonymous(query);
        assertFalse(response.hasNonNull("errors"), response.toString());
        return response.get("data");
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.forEach(n -> values.add(n.get(field).asText()));
        return values;
    }

    @Test
    void wasteCodesByTypeAndBySearch() {
        JsonNode bsdd = data("{ wastetraceWasteCodes(bsdType: BSDD) { code label isDangerous bsdTypes } }")
                .get("wastetraceWasteCodes");
        assertEquals(832, bsdd.size());
        assertEquals("01 01 01", bsdd.get(0).get("code").asText());
        JsonNode bsda = data("{ wastetraceWasteCodes(bsdType: BSDA, search: \"AMIANTE\") { code label isDangerous "
                + "bsdTypes } }").get("wastetraceWasteCodes");
        assertTrue(texts(bsda, "code").containsAll(List.of("17 06 01*", "17 06 05*")), bsda.toString());
        bsda.forEach(w -> {
            assertTrue(w.get("isDangerous").asBoolean(), w.toString());
            assertTrue(w.get("label").asText().contains("amiante"), w.toString());
        });
        JsonNode byCode = data("{ wastetraceWasteCodes(search: \"160104\") { code isDangerous bsdTypes } }")
                .get("wastetraceWasteCodes");
        assertEquals(1, byCode.size(), byCode.toString());
        assertEquals("[\"BSDD\",\"BSVHU\"]", byCode.get(0).get("bsdTypes").toString());
        JsonNode accents = data("{ wastetraceWasteCodes(bsdType: BSDASRI, search: \"INFECTION\") { code } }")
                .get("wastetraceWasteCodes");
        assertEquals(List.of("18 01 03*", "18 02 02*"), texts(accents, "code"));
    }

    @Test
    void operationCodesWithTheirModesAndFinality() {
        JsonNode bsdd = data("{ wastetraceOperationCodes(bsdType: BSDD) { code label isFinal modes modesChecked } }")
                .get("wastetraceOperationCodes");
        assertEquals(27, bsdd.size());
        JsonNode r2 = bsdd.get(texts(bsdd, "code").indexOf("R 2"));
        assertEquals("[\"REUTILISATION\",\"RECYCLAGE\"]", r2.get("modes").toString());
        assertTrue(r2.get("isFinal").asBoolean() && r2.get("modesChecked").asBoolean());
        JsonNode d13 = bsdd.get(texts(bsdd, "code").indexOf("D 13"));
        assertFalse(d13.get("isFinal").asBoolean());
        assertEquals(0, d13.get("modes").size());
        JsonNode bsff = data("{ wastetraceOperationCodes(bsdType: BSFF) { code modes modesChecked } }")
                .get("wastetraceOperationCodes");
        assertEquals(List.of("R1", "R2", "R3", "R5", "R12", "R13", "D10", "D13", "D14", "D15"), texts(bsff, "code"));
        assertEquals("[\"REUTILISATION\",\"RECYCLAGE\"]", bsff.get(2).get("modes").toString(), "R3 on a BSFF");
        JsonNode bsda = data("{ wastetraceOperationCodes(bsdType: BSDA) { code modesChecked } }")
                .get("wastetraceOperationCodes");
        assertEquals(List.of("R 5", "R 13", "D 5", "D 9 F", "D 15"), texts(bsda, "code"));
        assertFalse(bsda.get(0).get("modesChecked").asBoolean(), "the BSDA does not check the mode");
    }

    @Test
    void packagingTypesAndAdrClasses() {
        JsonNode bsdd = data("{ wastetracePackagingTypes(bsdType: BSDD) { type label maxQuantity exclusive } }")
                .get("wastetracePackagingTypes");
        assertEquals(List.of("FUT", "GRV", "CITERNE", "BENNE", "AUTRE"), texts(bsdd, "type"));
        assertEquals(2, bsdd.get(2).get("maxQuantity").asInt());
        assertTrue(bsdd.get(2).get("exclusive").asBoolean());
        assertTrue(bsdd.get(0).get("maxQuantity").isNull());
        JsonNode bspaoh = data("{ wastetracePackagingTypes(bsdType: BSPAOH) { type label } }")
                .get("wastetracePackagingTypes");
        assertEquals(List.of("RELIQUAIRE", "LITTLE_BOX", "BIG_BOX"), texts(bspaoh, "type"));
        JsonNode adr = data("{ wastetraceAdrClasses { code adrClass label } }").get("wastetraceAdrClasses");
        assertEquals(22, adr.size());
        assertEquals("1", adr.get(0).get("code").asText());
        assertEquals(9, adr.get(adr.size() - 1).get("adrClass").asInt());
    }

    @Test
    void aClientMistakeIsABadUserInput() {
        JsonNode missing = anonymous("{ wastetracePackagingTypes { type } }");
        assertTrue(missing.hasNonNull("errors"), missing.toString());
        JsonNode tooLong = anonymous("{ wastetraceWasteCodes(search: \"" + "x".repeat(201) + "\") { code } }");
        assertEquals("BAD_USER_INPUT", tooLong.at("/errors/0/extensions/code").asText(), tooLong.toString());
        assertTrue(tooLong.at("/errors/0/message").asText().contains("search"), tooLong.toString());
    }
}
