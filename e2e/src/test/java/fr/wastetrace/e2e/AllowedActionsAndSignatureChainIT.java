package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.Stack;
import fr.wastetrace.testing.workflow.Workflow;
import io.restassured.RestAssured;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #25 items 1 and 5 through the gateway, for the BSDD and the BSVHU: the signature each actor may give now
 * ({@code wastetraceAllowedActions}), the BSDs awaiting a company's signature, and the chain of the two signatures,
 * valid, whose last hash the PDF prints.
 */
class AllowedActionsAndSignatureChainIT {
    private static final String CHAIN = "query($id: ID!) { wastetraceSignatureChain(id: $id) { valid lastHash "
            + "links { signatureType orgId valid } } }";
    private static final String NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    private static WorkflowAccounts accounts;
    private static final Map<String, JsonNode> values = new HashMap<>();

    @BeforeAll
    static void actors() {
        Suite.env();
        accounts = WorkflowAccounts.create(Stack.root().resolve("e2e/src/test/resources/signatures"));
        values.putAll(accounts.values());
        Path workflows = Stack.root().resolve("bsd-service/src/test/resources/workflows");
        Workflow.read(workflows.resolve("bsdd/S01-direct-route.yaml")).addFixtures(values);
        Workflow.read(workflows.resolve("bsvhu/S01-vhu-vers-broyeur.yaml")).addFixtures(values);
    }

    @Test
    void bsdd() throws IOException {
        String id = ok("P", "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }",
                Map.of("i", values.get("fixture.form"))).at("/createForm/id").asText();
        ok("P", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", Map.of("id", id));
        String actions = "query($id: ID!) { form(id: $id) { wastetraceAllowedActions { signatures { signatureType "
                + "allowed reason } } } }";
        assertTrue(allowed(ok("P", actions, Map.of("id", id)).at("/form"), "signEmissionForm"));
        assertFalse(allowed(ok("T1", actions, Map.of("id", id)).at("/form"), "signTransportForm"));
        assertTrue(awaiting("P", "BSDD").contains(id));
        assertFalse(awaiting("T1", "BSDD").contains(id));

        ok("P", "mutation($id: ID!, $i: SignEmissionFormInput!) { signEmissionForm(id: $id, input: $i) { status } }",
                Map.of("id", id, "i", Map.of("quantity", 1, "emittedAt", NOW, "emittedBy", "Isabelle G.")));
        assertTrue(allowed(ok("T1", actions, Map.of("id", id)).at("/form"), "signTransportForm"));
        assertTrue(awaiting("T1", "BSDD").contains(id));
        assertFalse(awaiting("P", "BSDD").contains(id));
        assertFalse(awaiting("D", "BSDD").contains(id));
        ok("T1", "mutation($id: ID!, $i: SignTransportFormInput!) { signTransportForm(id: $id, input: $i) { status } }",
                Map.of("id", id, "i", Map.of("takenOverAt", NOW, "takenOverBy", "Thomas",
                        "transporterNumberPlate", "AA-123-BB", "transporterTransportMode", "ROAD")));

        JsonNode chain = chainOfTwo("D", id, "signEmissionForm", "signTransportForm");
        assertEquals(siret("P"), chain.at("/links/0/orgId").asText());
        assertPdfShows("P", "query($id: ID!) { f: formPdf(id: $id) { downloadLink } }", id,
                chain.get("lastHash").asText());
    }

    @Test
    void bsvhu() throws IOException {
        String id = ok("VHU", "mutation($i: BsvhuInput!) { createBsvhu(input: $i) { id } }",
                Map.of("i", values.get("fixture.vhu"))).at("/createBsvhu/id").asText();
        String actions = "query($id: ID!) { bsvhu(id: $id) { wastetraceAllowedActions { signatures { signatureType "
                + "allowed reason } } } }";
        assertTrue(allowed(ok("VHU", actions, Map.of("id", id)).at("/bsvhu"), "EMISSION"));
        assertFalse(allowed(ok("T1", actions, Map.of("id", id)).at("/bsvhu"), "TRANSPORT"));
        String sign = "mutation($id: ID!, $i: BsvhuSignatureInput!) { signBsvhu(id: $id, input: $i) { status } }";
        ok("VHU", sign, Map.of("id", id, "i", Map.of("type", "EMISSION", "author", "Jean Voiture")));
        assertTrue(allowed(ok("T1", actions, Map.of("id", id)).at("/bsvhu"), "TRANSPORT"));
        assertTrue(awaiting("T1", "BSVHU").contains(id));
        assertFalse(awaiting("BR", "BSVHU").contains(id));
        ok("T1", sign, Map.of("id", id, "i", Map.of("type", "TRANSPORT", "author", "Thomas")));

        JsonNode chain = chainOfTwo("BR", id, "EMISSION", "TRANSPORT");
        assertEquals(siret("T1"), chain.at("/links/1/orgId").asText());
        assertPdfShows("VHU", "query($id: ID!) { f: bsvhuPdf(id: $id) { downloadLink } }", id,
                chain.get("lastHash").asText());
    }

    private static JsonNode chainOfTwo(String user, String id, String first, String second) {
        JsonNode chain = ok(user, CHAIN, Map.of("id", id)).get("wastetraceSignatureChain");
        assertTrue(chain.get("valid").asBoolean(), chain.toString());
        assertEquals(2, chain.get("links").size(), chain.toString());
        assertEquals(first, chain.at("/links/0/signatureType").asText());
        assertEquals(second, chain.at("/links/1/signatureType").asText());
        assertEquals(64, chain.get("lastHash").asText().length());
        return chain;
    }

    private static void assertPdfShows(String user, String query, String id, String hash) throws IOException {
        String link = ok(user, query, Map.of("id", id)).at("/f/downloadLink").asText();
        io.restassured.response.Response pdf = RestAssured.get(link);
        assertEquals(200, pdf.statusCode(), pdf.asString());
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(hash), "the PDF does not show the last signature's hash " + hash);
        }
    }

    private static boolean allowed(JsonNode bsd, String signatureType) {
        for (JsonNode s : bsd.at("/wastetraceAllowedActions/signatures")) {
            if (s.get("signatureType").asText().equals(signatureType)) {
                return s.get("allowed").asBoolean();
            }
        }
        throw new AssertionError(signatureType + " missing in " + bsd);
    }

    /** The ids of every BSD of {@code bsdType} awaiting {@code user}'s signature, page after page. */
    private static List<String> awaiting(String user, String bsdType) {
        String page = "query($after: ID) { p: wastetraceBsdsAwaitingMySignature(bsdType: " + bsdType + ", after: $after) "
                + "{ nodes { ... on Form { id } ... on Bsvhu { id } } endCursor hasNextPage } }";
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonNode p = ok(user, page, variables).get("p");
            p.get("nodes").forEach(n -> ids.add(n.get("id").asText()));
            after = p.get("hasNextPage").asBoolean() ? p.get("endCursor").asText() : null;
        } while (after != null);
        return ids;
    }

    private static String siret(String key) {
        return values.get(key + ".siret").asText();
    }

    private static JsonNode ok(String user, String operation, Map<String, ?> variables) {
        JsonNode answer = accounts.call(user, operation, EventCodec.mapper().valueToTree(variables));
        assertTrue(answer.path("errors").isMissingNode(), answer::toString);
        return answer.get("data");
    }
}
