package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.Stack;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BSDDs taken through their lifecycle on the real bsd-service, through the gateway, reach registry-service's
 * registers by the event stream (outbox, Debezium, Kafka): each company finds them in the registers the
 * contract (spec bsdd.md §7.1) puts them in, and pagination walks them exactly once in both directions. The files
 * behind the links (register CSV, BSDD PDF, road-control PDF) are served by the gateway without login.
 */
class RegistersIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static WorkflowAccounts accounts;

    @BeforeAll
    static void accounts() {
        Suite.env();
        accounts = WorkflowAccounts.create(Stack.root().resolve("e2e/src/test/resources/registers"));
    }

    @Test
    void aDirectRouteBsddAppearsInTheRegistersOfEachOfItsCompanies() {
        String readableId = takeToProcessed(true);
        Instant committed = Instant.now();

        String node = "{ totalCount edges { node { id wasteCode } } }";
        awaitLine("D", "incomingWastes", node, readableId);
        awaitLine("P", "outgoingWastes", node, readableId);
        awaitLine("T", "transportedWastes", node, readableId);
        awaitLine("N", "managedWastes", node, readableId);
        for (String company : List.of("P", "T", "D", "N")) {
            awaitLine(company, "allWastes", node, readableId);
        }
        System.out.printf("RegistersIT: %s in the 8 registers %d ms after its last commit was acknowledged%n",
                readableId, Duration.between(committed, Instant.now()).toMillis());

        JsonNode incoming = register("D", "incomingWastes", "{ edges { node { id destinationReceptionWeight "
                + "destinationOperationCode emitterCompanySiret transporterCompanySiret traderCompanySiret } } }",
                Map.of("where", Map.of("id", Map.of("_eq", readableId))));
        JsonNode line = incoming.at("/edges/0/node");
        assertEquals(readableId, line.get("id").asText());
        assertEquals(1.0, line.get("destinationReceptionWeight").asDouble(), 1e-9);
        assertEquals("D 10", line.get("destinationOperationCode").asText());
        assertEquals(siret("P"), line.get("emitterCompanySiret").asText());
        assertEquals(siret("T"), line.get("transporterCompanySiret").asText());
        assertEquals(siret("N"), line.get("traderCompanySiret").asText());
        // The trader is not the destination: nothing in its incoming register.
        assertEquals(0, register("N", "incomingWastes", "{ totalCount }", Map.of()).get("totalCount").asInt());
    }

    @Test
    void aProcessedBsvhuAppearsInTheRegistersOfEachOfItsCompaniesAndInTheirFiles() {
        String id = bsvhuToProcessed();
        Instant committed = Instant.now();

        String node = "{ totalCount edges { node { id wasteCode bsdType } } }";
        awaitLine("D", "incomingWastes", node, id, "16 01 06");
        awaitLine("P", "outgoingWastes", node, id, "16 01 06");
        awaitLine("T", "transportedWastes", node, id, "16 01 06");
        awaitLine("N", "managedWastes", node, id, "16 01 06");
        for (String company : List.of("P", "T", "D", "N")) {
            awaitLine(company, "allWastes", node, id, "16 01 06");
        }
        System.out.printf("RegistersIT: BSVHU %s in the 8 registers %d ms after its last commit was acknowledged%n",
                id, Duration.between(committed, Instant.now()).toMillis());

        JsonNode line = register("D", "incomingWastes", "{ edges { node { id bsdType destinationReceptionWeight "
                + "destinationOperationCode emitterCompanySiret transporterCompanySiret } } }",
                Map.of("where", Map.of("id", Map.of("_eq", id)))).at("/edges/0/node");
        assertEquals("BSVHU", line.get("bsdType").asText());
        assertEquals(1.35, line.get("destinationReceptionWeight").asDouble(), 1e-9);
        assertEquals("R 4", line.get("destinationOperationCode").asText());
        assertEquals(siret("P"), line.get("emitterCompanySiret").asText());
        assertEquals(siret("T"), line.get("transporterCompanySiret").asText());

        for (String format : List.of("wastesRegistryCsv", "wastesRegistryXls")) {
            String link = ok("D", "query($s: [String!]!) { f: " + format + "(registryType: INCOMING, sirets: $s) { downloadLink } }",
                    Map.of("s", List.of(siret("D")))).at("/f/downloadLink").asText();
            io.restassured.response.Response file = RestAssured.get(link);
            assertEquals(200, file.statusCode(), format + ": " + file.asString());
            String content = format.endsWith("Csv") ? file.asString() : xlsxText(file.asByteArray());
            assertTrue(content.contains(id), format + " lists " + id);
        }
    }

    /** The text of every part of an XLSX file (its shared strings and sheets), to look a value up. */
    private static String xlsxText(byte[] xlsx) {
        StringBuilder text = new StringBuilder();
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("register", ".xlsx");
            try {
                java.nio.file.Files.write(file, xlsx);
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                    for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                        if (entry.getName().startsWith("xl/")) {
                            text.append(new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }
                }
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("not an XLSX file: " + e.getMessage() + " (" + xlsx.length + " bytes)", e);
        }
        return text.toString();
    }

    /** A BSVHU P → D with transporter T and trader N, signed up to PROCESSED through the gateway; its id. */
    private String bsvhuToProcessed() {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("emitter", Map.of("agrementNumber", "AGR-VHU-REG", "company", company("P")));
        input.put("wasteCode", "16 01 06");
        input.put("packaging", "UNITE");
        input.put("identification", Map.of("numbers", List.of("AB-123-CD"), "type", "NUMERO_ORDRE_REGISTRE_POLICE"));
        input.put("quantity", 1);
        input.put("weight", Map.of("value", 1.3, "isEstimate", false));
        input.put("destination", Map.of("type", "BROYEUR", "agrementNumber", "AGR-BR-REG", "plannedOperationCode", "R 4",
                "company", company("D")));
        input.put("transporter", Map.of("company", company("T"), "transport", Map.of("mode", "ROAD", "plates", List.of("AA-123-BB"))));
        input.put("trader", Map.of("company", company("N"), "recepisse", Map.of("number", "NEG-REG-1", "department", "75",
                "validityLimit", "2030-12-31T00:00:00Z")));
        String id = ok("P", "mutation($i: BsvhuInput!) { createBsvhu(input: $i) { id } }", Map.of("i", input))
                .at("/createBsvhu/id").asText();
        String sign = "mutation($id: ID!, $i: BsvhuSignatureInput!) { signBsvhu(id: $id, input: $i) { status } }";
        String update = "mutation($id: ID!, $i: BsvhuInput!) { updateBsvhu(id: $id, input: $i) { id } }";
        ok("P", sign, Map.of("id", id, "i", Map.of("type", "EMISSION", "author", "Isabelle")));
        ok("T", sign, Map.of("id", id, "i", Map.of("type", "TRANSPORT", "author", "Thomas")));
        ok("D", update, Map.of("id", id, "i", Map.of("destination", Map.of("reception", Map.of("date", now, "weight", 1.35,
                "quantity", 1, "acceptationStatus", "ACCEPTED")))));
        ok("D", sign, Map.of("id", id, "i", Map.of("type", "RECEPTION", "author", "Denis")));
        ok("D", update, Map.of("id", id, "i", Map.of("destination", Map.of("operation", Map.of("date", now, "code", "R 4",
                "mode", "RECYCLAGE")))));
        assertEquals("PROCESSED", ok("D", sign, Map.of("id", id, "i", Map.of("type", "OPERATION", "author", "Denis")))
                .at("/signBsvhu/status").asText());
        return id;
    }

    @Test
    void paginationOverSixtyBsddsReturnsEachExactlyOnceForwardAndBackward() throws Exception {
        Set<String> sent = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> forms = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                forms.add(clients.submit(this::takeToSent));
            }
            for (Future<String> form : forms) {
                sent.add(form.get());
            }
        } finally {
            clients.shutdownNow();
        }
        Instant deadline = Instant.now().plus(PATIENCE);
        while (register("P", "outgoingWastes", "{ totalCount }", Map.of()).get("totalCount").asInt() < sent.size()) {
            assertTrue(Instant.now().isBefore(deadline), "the 60 BSDDs did not all reach the outgoing register");
            pause();
        }
        String page = "{ totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } }";
        List<String> forward = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("first", 7);
            args.put("after", after);
            JsonNode connection = register("P", "outgoingWastes", page, args);
            assertEquals(60, connection.get("totalCount").asInt());
            connection.get("edges").forEach(e -> forward.add(e.at("/node/id").asText()));
            after = connection.at("/pageInfo/hasNextPage").asBoolean() ? connection.at("/pageInfo/endCursor").asText() : null;
        } while (after != null);
        assertEquals(60, forward.size(), "every line once going forward");
        assertEquals(sent, new HashSet<>(forward));

        List<String> backward = new ArrayList<>();
        String before = null;
        do {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("last", 9);
            args.put("before", before);
            JsonNode connection = register("P", "outgoingWastes", page, args);
            // Backward pages come in descending order; the next one is before the page's last (oldest) line.
            List<String> ids = new ArrayList<>();
            connection.get("edges").forEach(e -> ids.add(0, e.at("/node/id").asText()));
            backward.addAll(0, ids);
            before = connection.at("/pageInfo/hasPreviousPage").asBoolean() ? connection.at("/pageInfo/endCursor").asText() : null;
        } while (before != null);
        assertEquals(forward, backward, "walking backward gives the same lines in the same order");
    }

    @Test
    void theLinksToFilesServeThemThroughTheGatewayWithoutLogin() {
        String readableId = takeToSent();
        awaitLine("P", "outgoingWastes", "{ edges { node { id wasteCode } } }", readableId);
        String id = ok("T", "query($r: String!) { form(readableId: $r) { id } }", Map.of("r", readableId)).at("/form/id").asText();
        String gateway = Suite.env().get("GATEWAY_URL");

        String csv = ok("P", "query($s: [String!]!) { wastesRegistryCsv(registryType: OUTGOING, sirets: $s) { downloadLink } }",
                Map.of("s", List.of(siret("P")))).at("/wastesRegistryCsv/downloadLink").asText();
        assertTrue(csv.startsWith(gateway + "/download?token=registry."), csv);
        io.restassured.response.Response file = RestAssured.get(csv);
        assertEquals(200, file.statusCode(), file.asString());
        assertTrue(file.asString().contains(readableId), "the CSV lists " + readableId);
        expectRefusal(RestAssured.get(csv), 403, "demandez-en un nouveau");

        String pdf = ok("P", "query($id: ID!) { formPdf(id: $id) { downloadLink } }", Map.of("id", id))
                .at("/formPdf/downloadLink").asText();
        io.restassured.response.Response download = RestAssured.get(pdf);
        assertEquals(200, download.statusCode(), download.asString());
        assertEquals("application/pdf", download.contentType());
        assertTrue(download.header("Content-Disposition").startsWith("attachment"), download.header("Content-Disposition"));
        expectRefusal(RestAssured.get(pdf), 403, "demandez-en un nouveau");
        expectRefusal(RestAssured.get(gateway + "/download"), 400, "token");
        expectRefusal(RestAssured.get(gateway + "/download?token=bsd.forged0123456789"), 403, "demandez-en un nouveau");

        String roadControl = ok("T", "mutation($id: ID!) { createPdfAccessToken(input: {bsdId: $id}) }", Map.of("id", id))
                .get("createPdfAccessToken").asText();
        assertTrue(roadControl.matches(java.util.regex.Pattern.quote(gateway) + "/road-control/[A-Za-z0-9]{50}"), roadControl);
        for (int visit = 1; visit <= 2; visit++) {
            io.restassured.response.Response shown = RestAssured.get(roadControl);
            assertEquals(200, shown.statusCode(), "visit " + visit + ": " + shown.asString());
            assertEquals("application/pdf", shown.contentType());
            assertTrue(shown.header("Content-Disposition").startsWith("inline"), shown.header("Content-Disposition"));
        }
        expectRefusal(RestAssured.get(gateway + "/road-control/" + "x".repeat(50)), 403, "transporteur");
        JsonNode stranger = accounts.call("N", "mutation($id: ID!) { createPdfAccessToken(input: {bsdId: $id}) }",
                EventCodec.mapper().valueToTree(Map.of("id", id)));
        assertEquals("FORBIDDEN", stranger.at("/errors/0/extensions/code").asText(), stranger.toString());
    }

    /** A refused link: {@code status} and a French plain-text message containing {@code hint}. */
    private static void expectRefusal(io.restassured.response.Response response, int status, String hint) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("text/plain"), response.contentType());
        assertTrue(response.asString().contains(hint), response.asString());
    }

    private String takeToSent() {
        return advance(false, false);
    }

    private String takeToProcessed(boolean withTrader) {
        return advance(withTrader, true);
    }

    /** Creates a BSDD P → D with transporter T (and trader N), and signs it up to SENT or PROCESSED; its readable id. */
    private String advance(boolean withTrader, boolean toProcessed) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("emitter", Map.of("type", "PRODUCER", "company", company("P")));
        input.put("recipient", Map.of("processingOperation", "D 10", "cap", "CAP-REG-1", "company", company("D")));
        input.put("transporter", Map.of("company", company("T")));
        input.put("wasteDetails", Map.of("code", "06 05 02*", "name", "Boues", "isSubjectToADR", false,
                "packagingInfos", List.of(Map.of("type", "CITERNE", "quantity", 1)), "quantity", 1,
                "quantityType", "ESTIMATED", "consistences", List.of("LIQUID"), "pop", false));
        if (withTrader) {
            input.put("trader", Map.of("company", company("N"), "receipt", "NEG-REG-1", "department", "75",
                    "validityLimit", "2030-12-31T00:00:00Z"));
        }
        JsonNode created = ok("P", "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id readableId } }",
                Map.of("i", input)).get("createForm");
        String id = created.get("id").asText();
        ok("P", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", Map.of("id", id));
        ok("P", "mutation($id: ID!, $i: SignEmissionFormInput!) { signEmissionForm(id: $id, input: $i) { status } }",
                Map.of("id", id, "i", Map.of("quantity", 1, "emittedAt", now, "emittedBy", "Isabelle")));
        ok("T", "mutation($id: ID!, $i: SignTransportFormInput!) { signTransportForm(id: $id, input: $i) { status } }",
                Map.of("id", id, "i", Map.of("takenOverAt", now, "takenOverBy", "Thomas", "transporterNumberPlate", "AA-123-BB",
                        "transporterTransportMode", "ROAD")));
        if (toProcessed) {
            ok("D", "mutation($id: ID!, $i: ReceivedFormInput!) { markAsReceived(id: $id, receivedInfo: $i) { status } }",
                    Map.of("id", id, "i", Map.of("wasteAcceptationStatus", "ACCEPTED", "receivedBy", "Denis", "receivedAt", now,
                            "signedAt", now, "quantityReceived", 1, "quantityRefused", 0)));
            ok("D", "mutation($id: ID!, $i: ProcessedFormInput!) { markAsProcessed(id: $id, processedInfo: $i) { status } }",
                    Map.of("id", id, "i", Map.of("processingOperationDone", "D 10", "destinationOperationMode", "ELIMINATION",
                            "processedBy", "Denis", "processedAt", now)));
        }
        return created.get("readableId").asText();
    }

    private void awaitLine(String user, String register, String selection, String readableId) {
        awaitLine(user, register, selection, readableId, "06 05 02*");
    }

    private void awaitLine(String user, String register, String selection, String readableId, String wasteCode) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            JsonNode connection = register(user, register, selection, Map.of("where", Map.of("id", Map.of("_eq", readableId))));
            for (JsonNode edge : connection.get("edges")) {
                if (readableId.equals(edge.at("/node/id").asText())) {
                    assertEquals(wasteCode, edge.at("/node/wasteCode").asText());
                    return;
                }
            }
            assertFalse(Instant.now().isAfter(deadline), readableId + " never reached " + user + "'s " + register);
            pause();
        }
    }

    private JsonNode register(String user, String register, String selection, Map<String, Object> args) {
        Map<String, Object> variables = new LinkedHashMap<>(args);
        variables.put("s", List.of(siret(user)));
        String query = "query($s: [String!]!, $where: WasteRegistryWhere, $first: Int, $after: ID, $last: Int, $before: ID) { r: "
                + register + "(sirets: $s, where: $where, first: $first, after: $after, last: $last, before: $before) "
                + selection + " }";
        return ok(user, query, variables).get("r");
    }

    private JsonNode ok(String user, String query, Map<String, ?> variables) {
        JsonNode answer = accounts.call(user, query, EventCodec.mapper().valueToTree(variables));
        assertTrue(answer.path("errors").isMissingNode(), () -> "errors: " + answer);
        return answer.get("data");
    }

    private static String siret(String key) {
        return accounts.values().get(key + ".siret").asText();
    }

    private static Map<String, Object> company(String key) {
        return Map.of("siret", siret(key), "name", accounts.values().get(key + ".name").asText(),
                "address", "1 rue des Essais 75001 Paris", "contact", "Camille", "phone", "0102030405",
                "mail", key.toLowerCase() + "@wastetrace.test");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
