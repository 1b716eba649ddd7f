package fr.wastetrace.bsd.bsdd.pdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.subgraph.DownloadTokens;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code formPdf} and {@code GET /download} on the real stack: BSDDs made through the API (S1 run to PROCESSED, and S5
 * as far as the current lifecycle goes), their PDF downloaded once through a 10-second token and read back.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class FormPdfQuarkusTest extends ActsAsWorkflowActors {
    private static final String FORM_PDF = "query($id: ID!) { formPdf(id: $id) { token downloadLink } }";
    /** The temporary storer TTR of the workflows' actors.yaml. */
    private static final String TEMP_STORER_SIRET = "70000000000005";
    private static final DateTimeFormatter PARIS_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"));
    private static final DateTimeFormatter PARIS_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Paris"));

    @Inject
    RedisDataSource redis;
    @Inject
    DownloadTokens tokens;
    @ConfigProperty(name = "wastetrace.bsd.download.public-url")
    String publicUrl;

    /** {@code GET /download} as the gateway forwards it (the link needs no login: the caller is anonymous). */
    private static Response download(String token) {
        var request = given().header(TestIdentity.HEADER, TestIdentity.anonymous());
        return (token == null ? request : request.queryParam("token", token)).get("/download");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }

    private static String signed(Instant at, String by) {
        return "signé le " + PARIS_DAY.format(at) + " à " + PARIS_TIME.format(at) + " par " + by;
    }

    /** S1 through the API: created by P, sealed, signed by P, taken over by T1, accepted and processed by D. */
    private static JsonNode processedForm(Instant emitted, Instant takenOver, Instant received, Instant processed) {
        JsonNode created = ok(gql("P", "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id readableId } }",
                "i", WorkflowActors.directRouteForm())).get("createForm");
        String id = created.get("id").asText();
        ok(gql("P", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", "id", id));
        ok(gql("P", "mutation($id: ID!, $i: SignEmissionFormInput!) { signEmissionForm(id: $id, input: $i) { status } }",
                "id", id, "i", EventCodec.mapper().createObjectNode().put("quantity", 1).put("emittedAt", emitted.toString())
                        .put("emittedBy", "Isabelle Gérard")));
        ok(gql("T1", "mutation($id: ID!, $i: SignTransportFormInput!) { signTransportForm(id: $id, input: $i) { status } }",
                "id", id, "i", EventCodec.mapper().createObjectNode().put("takenOverAt", takenOver.toString())
                        .put("takenOverBy", "Thomas").put("transporterNumberPlate", "AA-123-BB")
                        .put("transporterTransportMode", "ROAD")));
        ok(gql("D", "mutation($id: ID!, $i: ReceivedFormInput!) { markAsReceived(id: $id, receivedInfo: $i) { status } }",
                "id", id, "i", EventCodec.mapper().createObjectNode().put("wasteAcceptationStatus", "ACCEPTED")
                        .put("receivedBy", "Denis").put("receivedAt", received.toString()).put("signedAt", received.toString())
                        .put("quantityReceived", 1).put("quantityRefused", 0)));
        JsonNode done = ok(gql("D", "mutation($id: ID!, $i: ProcessedFormInput!) { markAsProcessed(id: $id, processedInfo: $i) "
                        + "{ status } }", "id", id, "i", EventCodec.mapper().createObjectNode()
                .put("processingOperationDone", "D 10").put("destinationOperationMode", "ELIMINATION")
                .put("processedBy", "Denise").put("processedAt", processed.toString())));
        assertEquals("PROCESSED", done.at("/markAsProcessed/status").asText());
        return created;
    }

    @Test
    void theProcessedFormIsDownloadedOnceAsAPdfWithItsSignatures() throws IOException {
        Instant base = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Instant emitted = base;
        Instant takenOver = base.plus(1, ChronoUnit.HOURS);
        Instant received = base.plus(1, ChronoUnit.DAYS);
        Instant processed = base.plus(2, ChronoUnit.DAYS);
        JsonNode form = processedForm(emitted, takenOver, received, processed);
        String readableId = form.get("readableId").asText();

        JsonNode link = ok(gql("P", FORM_PDF, "id", form.get("id").asText())).get("formPdf");
        String token = link.get("token").asText();
        assertTrue(token.startsWith("bsd."), token);
        assertEquals(publicUrl + "/download?token=" + token, link.get("downloadLink").asText());
        long ttl = redis.key(String.class).ttl(tokens.key(token));
        assertTrue(ttl > 0 && ttl <= 10, "the link lives 10 seconds at most, not " + ttl);

        Response response = download(token);
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("application/pdf", response.contentType());
        assertEquals("attachment; filename=\"" + readableId + ".pdf\"", response.header("Content-Disposition"));
        byte[] pdf = response.asByteArray();
        String text = text(pdf);
        for (String expected : List.of(readableId, "10000000000040", "20000000000030", "30000000000020", "06 05 02*",
                "Statut : traité", "AA-123-BB", "D 10", "Incinération à terre",
                signed(emitted, "Isabelle Gérard"), signed(takenOver, "Thomas"), signed(received, "Denis"),
                signed(processed, "Denise"), "Date de l'opération : " + PARIS_DAY.format(processed))) {
            assertTrue(text.contains(expected), "missing « " + expected + " » in:\n" + text);
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            double ink = BsddPdfDocumentTest.inkRatio(new PDFRenderer(document).renderImageWithDPI(0, 72));
            assertTrue(ink > 0.03, "page 1 is not blank: " + ink);
        }

        Response again = download(token);
        assertEquals(403, again.statusCode(), "a link is used once");
        assertEquals(DownloadTokens.EXPIRED, again.asString());
    }

    @Test
    void aTemporaryStorageFormShowsFramesThirteenToNineteen() throws IOException {
        ObjectNode input = (ObjectNode) WorkflowActors.directRouteForm();
        ObjectNode recipient = (ObjectNode) input.get("recipient");
        recipient.put("isTempStorage", true).put("processingOperation", "D 13");
        ((ObjectNode) recipient.get("company")).put("siret", TEMP_STORER_SIRET).put("name", "Entreposage et regroupement TTR");
        ObjectNode destination = input.putObject("temporaryStorageDetail").putObject("destination");
        destination.put("processingOperation", "D 10").put("cap", "CAP-D-FINAL");
        destination.set("company", input.at("/recipient/company").deepCopy());
        ((ObjectNode) destination.get("company")).put("siret", "30000000000020").put("name", "Installation de traitement D");
        String id = ok(gql("P", "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }", "i", input))
                .at("/createForm/id").asText();
        Instant emitted = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        ok(gql("P", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", "id", id));
        ok(gql("P", "mutation($id: ID!, $i: SignEmissionFormInput!) { signEmissionForm(id: $id, input: $i) { status } }",
                "id", id, "i", EventCodec.mapper().createObjectNode().put("quantity", 1).put("emittedAt", emitted.toString())
                        .put("emittedBy", "Isabelle Gérard")));
        JsonNode sent = ok(gql("T1", "mutation($id: ID!, $i: SignTransportFormInput!) { signTransportForm(id: $id, input: $i) "
                        + "{ status readableId temporaryStorageDetail { destination { company { siret } } } } }",
                "id", id, "i", EventCodec.mapper().createObjectNode().put("takenOverAt", emitted.plusSeconds(600).toString())
                        .put("takenOverBy", "Thomas").put("transporterNumberPlate", "AA-123-BB")
                        .put("transporterTransportMode", "ROAD"))).get("signTransportForm");
        assertEquals("SENT", sent.get("status").asText());

        String token = ok(gql("T1", FORM_PDF, "id", id)).at("/formPdf/token").asText();
        Response response = download(token);
        assertEquals(200, response.statusCode(), response.asString());
        String text = text(response.asByteArray());
        for (String expected : List.of(sent.get("readableId").asText(), TEMP_STORER_SIRET, "10000000000040", "20000000000030",
                "Entreposage provisoire ou reconditionnement : ☒ oui ☐ non", "D 13", "(CADRES 13 À 19)",
                "13. Réception par l'installation d'entreposage", "14. Installation de destination prévue",
                "18. Collecteur-transporteur après entreposage", "19. Déclaration générale",
                signed(emitted, "Isabelle Gérard"), signed(emitted.plusSeconds(600), "Thomas"),
                "Statut : pris en charge par le transporteur")) {
            assertTrue(text.contains(expected), "missing « " + expected + " » in:\n" + text);
        }
        // The suite (frames 14 to 19) is being built in another branch: once the API keeps the final destination,
        // frame 14 must show it.
        JsonNode finalDestination = sent.at("/temporaryStorageDetail/destination/company/siret");
        if (!finalDestination.isMissingNode() && !finalDestination.isNull()) {
            assertTrue(text.contains("N° SIRET : " + finalDestination.asText()), "frame 14 shows the final destination");
        }
    }

    @Test
    void onlyCompaniesOnTheFormGetALinkAndOnlyTheLinkOpensTheFile() {
        JsonNode created = ok(gql("P", "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }",
                "i", WorkflowActors.directRouteForm()));
        String id = created.at("/createForm/id").asText();
        ok(gql("P", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", "id", id));

        JsonNode stranger = gql("X", FORM_PDF, "id", id);
        JsonNode notAllowed = gql("X", "query($id: ID!) { form(id: $id) { id } }", "id", id);
        assertEquals("FORBIDDEN", stranger.at("/errors/0/extensions/code").asText(), stranger.toString());
        assertEquals(notAllowed.at("/errors/0/message"), stranger.at("/errors/0/message"), "the same error as form(id)");
        assertEquals("Vous n'êtes pas autorisé à accéder à ce bordereau", stranger.at("/errors/0/message").asText());
        JsonNode missing = gql("P", FORM_PDF, "id", "no-such-form");
        assertEquals("BAD_USER_INPUT", missing.at("/errors/0/extensions/code").asText(), missing.toString());
        assertEquals("Le bordereau avec l'identifiant \"no-such-form\" n'existe pas.",
                missing.at("/errors/0/message").asText());
        assertEquals("UNAUTHENTICATED", gql("anonymous", FORM_PDF, "id", id).at("/errors/0/extensions/code").asText());

        String token = ok(gql("Preader", FORM_PDF, "id", id)).at("/formPdf/token").asText();
        assertEquals(403, download("bsd.forged-token-0123456789abcdef").statusCode());
        assertEquals(400, download(null).statusCode(), "no token at all");
        assertEquals(403, download("registry." + token.substring("bsd.".length())).statusCode(), "another service's prefix");
        assertEquals(401, given().queryParam("token", token).get("/download").statusCode(), "only through the gateway");
        assertEquals(200, download(token).statusCode(), "the real link still works after all that");
    }
}
