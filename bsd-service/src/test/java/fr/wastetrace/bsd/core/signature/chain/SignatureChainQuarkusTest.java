package fr.wastetrace.bsd.core.signature.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signature chain on the real stack, with a BSVHU: each signature adds a link in the signing transaction, the
 * chain verifies, the PDF prints the last hash, and a row changed behind the service's back is found.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class SignatureChainQuarkusTest extends ActsAsWorkflowActors {
    private static final String SIGN = "mutation($id: ID!, $i: BsvhuSignatureInput!) { signBsvhu(id: $id, input: $i) "
            + "{ status } }";
    private static final String CHAIN = "query($id: ID!) { wastetraceSignatureChain(id: $id) { bsdId bsdType valid "
            + "firstBrokenPosition lastHash links { position signatureType signedAt author subject orgId previousHash "
            + "contentHash hash valid } } }";

    @Inject
    AgroalDataSource dataSource;

    private static String createBsvhu() {
        ObjectNode input = fixture("bsvhu/S01-vhu-vers-broyeur.yaml", "vhu");
        return ok(gql("VHU", "mutation($i: BsvhuInput!) { createBsvhu(input: $i) { id } }", "i", input))
                .at("/createBsvhu/id").asText();
    }

    @Test
    void twoSignaturesMakeAChainOfTwoThatVerifiesAndThePdfShowsTheLastHash() throws Exception {
        String id = createBsvhu();
        JsonNode empty = ok(gql("VHU", CHAIN, "id", id)).get("wastetraceSignatureChain");
        assertTrue(empty.get("valid").asBoolean());
        assertEquals(0, empty.get("links").size());
        assertTrue(empty.get("lastHash").isNull());

        ok(gql("VHU", SIGN, "id", id, "i", Map.of("type", "EMISSION", "author", "Jean Voiture")));
        ok(gql("T1", SIGN, "id", id, "i", Map.of("type", "TRANSPORT", "author", "Thomas")));
        JsonNode chain = ok(gql("BR", CHAIN, "id", id)).get("wastetraceSignatureChain");
        assertEquals("bsvhu", chain.get("bsdType").asText());
        assertTrue(chain.get("valid").asBoolean(), chain.toString());
        assertTrue(chain.get("firstBrokenPosition").isNull());
        JsonNode links = chain.get("links");
        assertEquals(2, links.size());
        assertEquals("EMISSION", links.at("/0/signatureType").asText());
        assertEquals("75000000000000", links.at("/0/orgId").asText());
        assertEquals("Jean Voiture", links.at("/0/author").asText());
        assertEquals("wf-VHU", links.at("/0/subject").asText());
        assertEquals(ChainHash.GENESIS, links.at("/0/previousHash").asText());
        assertEquals("TRANSPORT", links.at("/1/signatureType").asText());
        assertEquals("20000000000030", links.at("/1/orgId").asText());
        assertEquals(links.at("/0/hash"), links.at("/1/previousHash"));
        assertEquals(links.at("/1/hash"), chain.get("lastHash"));

        String token = ok(gql("VHU", "query($id: ID!) { bsvhuPdf(id: $id) { token } }", "id", id))
                .at("/bsvhuPdf/token").asText();
        Response pdf = given().header(TestIdentity.HEADER, TestIdentity.anonymous()).queryParam("token", token)
                .get("/download");
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Empreinte de la dernière signature (SHA-256) : " + chain.get("lastHash").asText()),
                    text);
        }
    }

    @Test
    void aStoredContentChangedBehindTheServiceIsTheFirstBrokenLink() throws Exception {
        String id = createBsvhu();
        ok(gql("VHU", SIGN, "id", id, "i", Map.of("type", "EMISSION", "author", "Jean Voiture")));
        ok(gql("T1", SIGN, "id", id, "i", Map.of("type", "TRANSPORT", "author", "Thomas")));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update bsd_signature_link set content = replace(content, 'Jean Voiture', 'Jean Autre') "
                        + "where bsd_id = ? and position = 1")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }
        JsonNode chain = ok(gql("VHU", CHAIN, "id", id)).get("wastetraceSignatureChain");
        assertFalse(chain.get("valid").asBoolean(), chain.toString());
        assertEquals(1, chain.get("firstBrokenPosition").asInt());
        assertFalse(chain.at("/links/0/valid").asBoolean());
        assertTrue(chain.at("/links/1/valid").asBoolean(), "the second link still chains to the stored hash");
    }

    @Test
    void theChainIsReadLikeTheBsd() {
        String id = createBsvhu();
        JsonNode hidden = gql("X", CHAIN, "id", id);
        assertEquals("FORBIDDEN", code(hidden), hidden.toString());
        assertEquals(code(gql("X", "query($id: ID!) { bsvhu(id: $id) { id } }", "id", id)), code(hidden));
        JsonNode unknown = gql("VHU", CHAIN, "id", "VHU-NOPE");
        assertEquals("BAD_USER_INPUT", code(unknown), unknown.toString());
    }
}
