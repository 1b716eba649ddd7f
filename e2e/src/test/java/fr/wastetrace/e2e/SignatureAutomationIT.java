package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.Stack;
import org.junit.jupiter.api.Test;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An appendix-1 signature automation across services: the producer grants it in company-service, bsd-service learns
 * it from the company event and lets the collector-transporter take the producer's items over without its signature;
 * once the producer removes it, the producer's signature is required again.
 */
class SignatureAutomationIT {
    private static final String TAKEN_OVER_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    private WorkflowAccounts accounts;

    @Test
    void theTransporterTakesItemsOverWithoutTheProducersSignatureWhileTheAutomationLasts() {
        Suite.env();
        accounts = WorkflowAccounts.create(Stack.root().resolve("e2e/src/test/resources/signature-automation"));
        String producerSiret = value("P.siret");
        String collectorSiret = value("C.siret");
        String producerId = ok("P", "{ myCompanies { edges { node { id } } } }", Map.of())
                .at("/myCompanies/edges/0/node/id").asText();
        String collectorId = ok("C", "{ myCompanies { edges { node { id } } } }", Map.of())
                .at("/myCompanies/edges/0/node/id").asText();

        ok("P", "mutation($id: String!) { updateCompany(id: $id, allowAppendix1SignatureAutomation: true) { id } }",
                Map.of("id", producerId));
        String automation = ok("P", "mutation($f: ID!, $t: ID!) { addSignatureAutomation(input: {from: $f, to: $t}) { id } }",
                Map.of("f", producerId, "t", collectorId)).at("/addSignatureAutomation/id").asText();
        awaitBsdServiceSees(producerSiret, List.of(collectorSiret));

        String round = sealedRound(collectorSiret);
        String first = item(round, producerSiret);
        JsonNode signed = signTransport(first);
        assertTrue(signed.path("errors").isMissingNode(), signed::toString);
        assertEquals("SENT", signed.at("/data/signTransportForm/status").asText());
        assertEquals("Signature automatique Trackdéchets", signed.at("/data/signTransportForm/emittedBy").asText());
        assertEquals("SENT", ok("C", "query($id: ID!) { form(id: $id) { status } }", Map.of("id", round))
                .at("/form/status").asText());

        ok("P", "mutation($id: ID!) { removeSignatureAutomation(id: $id) { id } }", Map.of("id", automation));
        awaitBsdServiceSees(producerSiret, List.of());

        String second = item(round, producerSiret);
        JsonNode refused = signTransport(second);
        assertEquals("BAD_USER_INPUT", refused.at("/errors/0/extensions/code").asText(), refused::toString);
        assertEquals("SEALED", ok("C", "query($id: ID!) { form(id: $id) { status } }", Map.of("id", second))
                .at("/form/status").asText());
    }

    private String value(String key) {
        return accounts.values().get(key).asText();
    }

    private JsonNode ok(String user, String operation, Map<String, ?> variables) {
        JsonNode answer = accounts.call(user, operation, EventCodec.mapper().valueToTree(variables));
        assertTrue(answer.path("errors").isMissingNode(), answer::toString);
        return answer.get("data");
    }

    private static Map<String, Object> company(String siret) {
        return Map.of("siret", siret, "name", "Entreprise " + siret, "address", "1 rue des Essais 75001 Paris",
                "contact", "Claire", "phone", "0556000000", "mail", "contact-" + siret + "@wastetrace.test");
    }

    private String sealedRound(String collectorSiret) {
        Map<String, Object> input = Map.of(
                "emitter", Map.of("type", "APPENDIX1", "company", company(collectorSiret)),
                "recipient", Map.of("processingOperation", "D 10", "company", company(value("D.siret"))),
                "transporter", Map.of("company", company(collectorSiret)),
                "wasteDetails", Map.of("code", "13 05 02*", "name", "Huiles", "isSubjectToADR", false,
                        "consistences", List.of("LIQUID")));
        String round = ok("C", "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }",
                Map.of("i", input)).at("/createForm/id").asText();
        ok("C", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", Map.of("id", round));
        return round;
    }

    /** A new item of the producer, attached to the round (which seals it). */
    private String item(String round, String producerSiret) {
        Map<String, Object> input = Map.of(
                "emitter", Map.of("type", "APPENDIX1_PRODUCER", "company", company(producerSiret)),
                "wasteDetails", Map.of("quantity", 1, "packagingInfos", List.of(Map.of("type", "CITERNE", "quantity", 1))));
        String item = ok("C", "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }",
                Map.of("i", input)).at("/createForm/id").asText();
        List<Object> grouping = new java.util.ArrayList<>();
        ok("C", "query($id: ID!) { form(id: $id) { grouping { form { id } } } }", Map.of("id", round))
                .at("/form/grouping").forEach(g -> grouping.add(Map.of("form", Map.of("id", g.at("/form/id").asText()))));
        grouping.add(Map.of("form", Map.of("id", item)));
        ok("C", "mutation($i: UpdateFormInput!) { updateForm(updateFormInput: $i) { id } }",
                Map.of("i", Map.of("id", round, "grouping", grouping)));
        return item;
    }

    private JsonNode signTransport(String item) {
        return accounts.call("C", """
                mutation($id: ID!, $i: SignTransportFormInput!) {
                  signTransportForm(id: $id, input: $i) { status emittedBy }
                }""", EventCodec.mapper().valueToTree(Map.of("id", item, "i", Map.of("takenOverAt", TAKEN_OVER_AT,
                "takenOverBy", "Claire", "transporterNumberPlate", "AA-123-BB", "transporterTransportMode", "ROAD"))));
    }

    /**
     * bsd-service learns automations from company-service's events, a little after the commit: wait until its read
     * model holds the producer's automations (a signature tried before would be decided on the previous state).
     */
    private static void awaitBsdServiceSees(String producerSiret, List<String> automationTo) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!automationTo.equals(automationsKnownToBsdService(producerSiret))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("bsd-service never saw the automations " + automationTo + " of " + producerSiret);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static List<String> automationsKnownToBsdService(String producerSiret) {
        try (Connection connection = DriverManager.getConnection(Suite.jdbcUrl("bsd"), Suite.env().get("DB_USER"),
                Suite.env().get("DB_PASSWORD"));
             PreparedStatement select = connection.prepareStatement("select signature_automation_to from company_view "
                     + "where org_id = ? and allow_appendix1_signature_automation")) {
            select.setString(1, producerSiret);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Array to = rs.getArray(1);
                return Arrays.asList((String[]) to.getArray());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read bsd-service's company read model", e);
        }
    }
}
