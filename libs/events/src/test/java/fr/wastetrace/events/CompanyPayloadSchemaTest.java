package fr.wastetrace.events;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.company.AccessTokenRevoked;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.events.company.WebhookSettingState;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The company payloads encode exactly the properties of their checked-in schemas. */
class CompanyPayloadSchemaTest {

    private static Set<String> schemaProperties(String file) throws Exception {
        try (InputStream in = CompanyPayloadSchemaTest.class.getResourceAsStream("/schemas/" + file)) {
            Set<String> names = new HashSet<>();
            EventCodec.mapper().readTree(in).get("properties").fieldNames().forEachRemaining(names::add);
            return names;
        }
    }

    private static Set<String> encodedProperties(Object payload) {
        Set<String> names = new HashSet<>();
        EventCodec.mapper().valueToTree(payload).fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void companyStateMatchesItsSchema() throws Exception {
        CompanyState state = new CompanyState("c1", "90000000100009", "90000000100009", null, "Démo", null, null,
                List.of("PRODUCER"), false, List.of(new CompanyState.Member("u1", "sub", "a@b.c", UserRole.ADMIN)),
                1234, null, null, null, List.of(), List.of(), List.of(),
                new CompanyState.Receipt("R-1", "69", Instant.parse("2027-01-01T00:00:00Z")), null, null, null, null,
                null, false, null, true, List.of("20000000000030"));
        assertEquals(schemaProperties("company-state.v1.json"), encodedProperties(state));
        JsonNode receipt = EventCodec.mapper().valueToTree(state).get("transporterReceipt");
        assertEquals("2027-01-01T00:00:00Z", receipt.get("validityLimit").asText());
    }

    @Test
    void theFirstReleaseConstructorLeavesTheLaterComponentsEmpty() {
        CompanyState state = new CompanyState("c1", "FR1", null, "BE0123456789", "X", null, null, List.of(), false,
                List.of());
        assertNull(state.securityCode());
        assertNull(state.transporterReceipt());
        assertNull(state.signatureAutomationTo());
    }

    @Test
    void eventsWithoutTheSignatureAutomationComponentsStillDecode() throws Exception {
        CompanyState before = new CompanyState("c1", "90000000100009", "90000000100009", null, "Démo", null, null,
                List.of("PRODUCER"), false, List.of(), 1234, null, null, null, List.of(), List.of(), List.of(), null,
                null, null, null, null, null, false, null);
        com.fasterxml.jackson.databind.node.ObjectNode json = EventCodec.mapper().valueToTree(before);
        json.remove(List.of("allowAppendix1SignatureAutomation", "signatureAutomationTo"));
        CompanyState decoded = EventCodec.mapper().treeToValue(json, CompanyState.class);
        assertEquals(before, decoded);
        assertNull(decoded.allowAppendix1SignatureAutomation());
    }

    @Test
    void accessTokenRevokedMatchesItsSchema() throws Exception {
        assertEquals(schemaProperties("access-token-revoked.v1.json"),
                encodedProperties(new AccessTokenRevoked("t1", "u1", "sub")));
    }

    @Test
    void webhookSettingStateMatchesItsSchema() throws Exception {
        assertEquals(schemaProperties("webhook-setting-state.v1.json"),
                encodedProperties(new WebhookSettingState("w1", "c1", "90000000100009", "https://example.org/hook", true,
                        "v1:abc", "v1:def", Instant.parse("2026-01-01T00:00:00Z"))));
    }
}
