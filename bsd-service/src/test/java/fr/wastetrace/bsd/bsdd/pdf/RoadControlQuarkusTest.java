package fr.wastetrace.bsd.bsdd.pdf;

import fr.wastetrace.bsd.core.pdf.RoadControlResource;
import fr.wastetrace.bsd.core.pdf.RoadControlTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code createPdfAccessToken} and {@code GET /road-control/<token>} on the real stack: only a BSDD on the road (SENT,
 * RESENT) gets a link, only from a caller who may read it; the link is a 50-character token living 30 minutes in Redis
 * and opens the PDF, without login, as often as asked.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class RoadControlQuarkusTest extends ActsAsWorkflowActors {
    private static final String CREATE = "mutation($id: ID!) { createPdfAccessToken(input: {bsdId: $id}) }";

    @Inject
    RedisDataSource redis;
    @Inject
    RoadControlTokens tokens;
    @ConfigProperty(name = "wastetrace.bsd.download.public-url")
    String publicUrl;

    private static JsonNode gql(String user, String query, String id) {
        return WorkflowActors.call(user, query, EventCodec.mapper().createObjectNode().put("id", id));
    }

    private static JsonNode error(JsonNode response) {
        assertTrue(response.path("errors").isArray(), response.toString());
        return response.get("errors").get(0);
    }

    /** {@code GET /road-control/<token>} as the gateway forwards it: nobody logged in. */
    private static Response open(String token) {
        return given().header(TestIdentity.HEADER, TestIdentity.anonymous()).get("/road-control/" + token);
    }

    /** S1 through the API as far as SEALED; its id and readable id. */
    private static JsonNode sealedForm() {
        JsonNode created = ok(WorkflowActors.call("P", "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) "
                        + "{ id readableId } }", EventCodec.mapper().createObjectNode().set("i", WorkflowActors.directRouteForm())))
                .get("createForm");
        ok(gql("P", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", created.get("id").asText()));
        return created;
    }

    /** Signed by P and taken over by T1: SENT. */
    private static void send(String id) {
        Instant emitted = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        ok(WorkflowActors.call("P", "mutation($id: ID!, $i: SignEmissionFormInput!) { signEmissionForm(id: $id, input: $i) "
                + "{ status } }", EventCodec.mapper().createObjectNode().put("id", id).set("i", EventCodec.mapper()
                .createObjectNode().put("quantity", 1).put("emittedAt", emitted.toString()).put("emittedBy", "Isabelle"))));
        ObjectNode transport = EventCodec.mapper().createObjectNode().put("takenOverAt", emitted.plusSeconds(600).toString())
                .put("takenOverBy", "Thomas").put("transporterNumberPlate", "AA-123-BB").put("transporterTransportMode", "ROAD");
        JsonNode sent = ok(WorkflowActors.call("T1", "mutation($id: ID!, $i: SignTransportFormInput!) { "
                + "signTransportForm(id: $id, input: $i) { status } }", EventCodec.mapper().createObjectNode().put("id", id)
                .set("i", transport)));
        assertEquals("SENT", sent.at("/signTransportForm/status").asText());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }

    @Test
    void aFormOnTheRoadGetsA30MinuteLinkThatOpensItsPdfWithoutLoginAsOftenAsAsked() throws IOException {
        JsonNode form = sealedForm();
        String id = form.get("id").asText();
        send(id);

        String url = ok(gql("T1", CREATE, id)).get("createPdfAccessToken").asText();
        String prefix = publicUrl + "/road-control/";
        assertTrue(url.startsWith(prefix), url);
        String token = url.substring(prefix.length());
        assertTrue(token.matches("[A-Za-z0-9]{50}"), "50 URL-safe characters: " + token);
        long ttl = redis.key(String.class).ttl(tokens.key(token));
        assertTrue(ttl > 25 * 60 && ttl <= 30 * 60, "the link lives 30 minutes at most, not " + ttl + " s");

        for (int visit = 1; visit <= 2; visit++) {
            Response response = open(token);
            assertEquals(200, response.statusCode(), "visit " + visit + ": " + response.asString());
            assertEquals("application/pdf", response.contentType());
            assertEquals("inline; filename=\"" + form.get("readableId").asText() + ".pdf\"", response.header("Content-Disposition"));
            String text = text(response.asByteArray());
            assertTrue(text.contains(form.get("readableId").asText()) && text.contains("AA-123-BB"), text);
        }
        assertTrue(redis.key(String.class).ttl(tokens.key(token)) > 0, "opening the link does not use it up");

        String other = ok(gql("Preader", CREATE, id)).get("createPdfAccessToken").asText().substring(prefix.length());
        assertFalse(other.equals(token), "each call makes a new link");
        redis.key(String.class).del(tokens.key(other)); // what expiry does
        Response expired = open(other);
        assertEquals(403, expired.statusCode());
        assertEquals(RoadControlResource.EXPIRED, expired.asString());
    }

    @Test
    void onlyReadersOfAFormOnTheRoadGetALink() {
        String id = sealedForm().get("id").asText();
        JsonNode sealed = error(gql("P", CREATE, id));
        assertEquals("FORBIDDEN", sealed.at("/extensions/code").asText(), sealed.toString());
        assertTrue(sealed.get("message").asText().contains("pris en charge par un transporteur"), sealed.toString());
        assertTrue(sealed.get("message").asText().contains("SEALED"), sealed.toString());

        send(id);
        JsonNode stranger = error(gql("X", CREATE, id));
        assertEquals("FORBIDDEN", stranger.at("/extensions/code").asText(), stranger.toString());
        assertTrue(stranger.get("message").asText().contains("pas autorisé"), stranger.toString());
        assertEquals("UNAUTHENTICATED", error(gql("anonymous", CREATE, id)).at("/extensions/code").asText());
        JsonNode missing = error(gql("P", CREATE, "no-such-form"));
        assertEquals("BAD_USER_INPUT", missing.at("/extensions/code").asText(), missing.toString());
        JsonNode bsda = error(gql("P", CREATE, "BSDA-20261127-ABCDEFGH"));
        assertEquals("BAD_USER_INPUT", bsda.at("/extensions/code").asText(), bsda.toString());
        assertTrue(bsda.get("message").asText().contains("n'existe pas"), "a BSDA id is looked up as a BSDA: " + bsda);
        assertTrue(ok(gql("D", CREATE, id)).get("createPdfAccessToken").isTextual(), "the destination reads it too");
    }

    @Test
    void anUnknownTokenIs403AMissingOneIs400AndOnlyTheGatewayGetsIn() {
        Response unknown = open("x".repeat(50));
        assertEquals(403, unknown.statusCode());
        assertEquals(RoadControlResource.EXPIRED, unknown.asString());
        assertEquals(403, open("short").statusCode());
        Response missing = given().header(TestIdentity.HEADER, TestIdentity.anonymous()).get("/road-control");
        assertEquals(400, missing.statusCode());
        assertEquals(RoadControlResource.MISSING, missing.asString());
        assertEquals(401, given().get("/road-control/" + "x".repeat(50)).statusCode(), "only through the gateway");
    }
}
