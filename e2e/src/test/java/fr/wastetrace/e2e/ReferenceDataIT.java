package fr.wastetrace.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through the gateway, without a login: the reference data of bsd-service and company-service (issue #25 item 7), for
 * the BSDD and another type, in one request.
 */
class ReferenceDataIT {
    /** Two requests: a request holds at most 5 root fields. */
    private static final String CODES = """
            {
              bsddCodes: wastetraceWasteCodes(bsdType: BSDD, search: "17 06") { code label isDangerous bsdTypes }
              bsdaCodes: wastetraceWasteCodes(bsdType: BSDA, search: "amiante") { code isDangerous }
              bsddOperations: wastetraceOperationCodes(bsdType: BSDD) { code label isFinal modes modesChecked }
              bsffOperations: wastetraceOperationCodes(bsdType: BSFF) { code isFinal modes }
            }""";
    private static final String OTHERS = """
            {
              bsddPackagings: wastetracePackagingTypes(bsdType: BSDD) { type label maxQuantity exclusive }
              bsdasriPackagings: wastetracePackagingTypes(bsdType: BSDASRI) { type label }
              wastetraceAdrClasses { code adrClass label }
              wastetraceCompanyProfiles { companyType label subProfiles { kind value label } }
            }""";

    private static JsonPath anonymous(String query) {
        JsonPath answer = Suite.graphql(Suite.gateway(), query, Map.of()).statusCode(200).extract().jsonPath();
        assertNull(answer.get("errors"), answer::prettify);
        return answer.setRootPath("data");
    }

    @Test
    void anyoneReadsTheReferenceDataValidationUses() {
        JsonPath answer = anonymous(CODES);
        assertEquals(List.of("17 06 03*", "17 06 04"), answer.getList("bsddCodes.code"), "asbestos is not a BSDD's");
        assertEquals(List.of(true, false), answer.getList("bsddCodes.isDangerous"));
        assertTrue(answer.getList("bsdaCodes.code").containsAll(List.of("17 06 01*", "17 06 05*")));
        assertFalse(answer.getList("bsdaCodes.isDangerous").contains(false));

        assertEquals(27, answer.getList("bsddOperations").size());
        assertEquals("R 0", answer.getString("bsddOperations[0].code"));
        assertEquals(List.of("R 12", "R 13", "D 13", "D 14", "D 15"),
                answer.getList("bsddOperations.findAll { !it.isFinal }.code"));
        assertEquals(List.of("ELIMINATION"), answer.getList("bsddOperations.find { it.code == 'D 10' }.modes"));
        assertEquals(List.of("R1", "R2", "R3", "R5", "R12", "R13", "D10", "D13", "D14", "D15"),
                answer.getList("bsffOperations.code"));
        assertEquals(List.of("REUTILISATION", "RECYCLAGE"), answer.getList("bsffOperations.find { it.code == 'R3' }.modes"));

        answer = anonymous(OTHERS);
        assertEquals(List.of("FUT", "GRV", "CITERNE", "BENNE", "AUTRE"), answer.getList("bsddPackagings.type"));
        assertEquals(2, answer.getInt("bsddPackagings.find { it.type == 'BENNE' }.maxQuantity"));
        assertEquals(List.of("BOITE_CARTON", "FUT", "BOITE_PERFORANTS", "GRAND_EMBALLAGE", "GRV", "AUTRE"),
                answer.getList("bsdasriPackagings.type"));

        assertEquals("Liquides inflammables", answer.getString("wastetraceAdrClasses.find { it.code == '3' }.label"));
        assertEquals(List.of("BROYEUR", "DEMOLISSEUR"),
                answer.getList("wastetraceCompanyProfiles.find { it.companyType == 'WASTE_VEHICLES' }.subProfiles.value"));
        assertEquals(14, answer.getList("wastetraceCompanyProfiles").size());
    }
}
