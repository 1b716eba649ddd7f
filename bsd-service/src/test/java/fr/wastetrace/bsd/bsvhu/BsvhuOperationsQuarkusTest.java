package fr.wastetrace.bsd.bsvhu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.bsd.BsvhuEvents;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import fr.wastetrace.testing.workflow.Workflow;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The BSVHU operations on the real stack, for what the workflows ({@code workflows/bsvhu/}) do not show: transporters
 * on their own, every filter and the cursor pagination of {@code bsvhus}, the events and the status log written with
 * each change, the metadata, and the PDF read back as text.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class BsvhuOperationsQuarkusTest extends ActsAsWorkflowActors {
    private static final DateTimeFormatter PARIS_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"));
    private static final DateTimeFormatter PARIS_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Paris"));
    private static final String SIGN = "mutation($id: ID!, $i: BsvhuSignatureInput!) { signBsvhu(id: $id, input: $i) { status } }";
    private static final String UPDATE = "mutation($id: ID!, $i: BsvhuInput!) { updateBsvhu(id: $id, input: $i) { id } }";

    @Inject
    AgroalDataSource dataSource;

    /** The complete BSVHU input of workflow VHU1, with {@code overrides} merged in. */
    private static ObjectNode vhu(Map<String, Object> overrides) {
        Map<String, JsonNode> values = new HashMap<>(WorkflowActors.values());
        Workflow.read(WorkflowActors.DIRECTORY.resolve("bsvhu/S01-vhu-vers-broyeur.yaml")).addFixtures(values);
        ObjectNode input = values.get("fixture.vhu").deepCopy();
        overrides.forEach((k, v) -> input.set(k, EventCodec.mapper().valueToTree(v)));
        return input;
    }

    private static String create(ObjectNode input) {
        return ok(gql("VHU", "mutation($i: BsvhuInput!) { createBsvhu(input: $i) { id } }", "i", input))
                .at("/createBsvhu/id").asText();
    }

    private static Map<String, Object> signature(String type, String author, Instant date) {
        Map<String, Object> s = new HashMap<>();
        s.put("type", type);
        s.put("author", author);
        s.put("date", date.toString());
        return s;
    }

    @Test
    void transportersAreCreatedUpdatedAndDeletedOnTheirOwn() {
        JsonNode created = ok(gql("T2", "mutation($i: BsvhuTransporterInput!) { createBsvhuTransporter(input: $i) "
                + "{ id company { siret orgId } transport { mode } } }", "i", Map.of("company",
                Map.of("siret", "71000000000004", "name", "Transporteur T2"), "transport", Map.of("mode", "RAIL"))));
        String id = created.at("/createBsvhuTransporter/id").asText();
        assertEquals("71000000000004", created.at("/createBsvhuTransporter/company/orgId").asText());
        JsonNode updated = ok(gql("T2", "mutation($id: ID!, $i: BsvhuTransporterInput!) { updateBsvhuTransporter(id: $id, "
                + "input: $i) { id customInfo transport { mode plates } } }", "id", id, "i",
                Map.of("customInfo", "quai 4", "transport", Map.of("plates", List.of("ZZ-999-ZZ")))));
        assertEquals("quai 4", updated.at("/updateBsvhuTransporter/customInfo").asText());
        assertEquals("RAIL", updated.at("/updateBsvhuTransporter/transport/mode").asText(), "fields not given are kept");
        assertEquals(id, ok(gql("T2", "mutation($id: ID!) { deleteBsvhuTransporter(id: $id) }", "id", id))
                .at("/deleteBsvhuTransporter").asText());
        JsonNode again = gql("T2", "mutation($id: ID!) { deleteBsvhuTransporter(id: $id) }", "id", id);
        assertEquals("BAD_USER_INPUT", code(again), again.toString());
    }

    @Test
    void bsvhusFiltersAndPagesByCursor() {
        String tag = "PAG-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(vhu(Map.of("customId", tag + "-" + i))));
        }
        String page = "query($w: BsvhuWhere, $first: Int, $after: ID, $last: Int, $before: ID) { bsvhus(where: $w, "
                + "first: $first, after: $after, last: $last, before: $before) { totalCount edges { cursor node { id } } "
                + "pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }";
        Map<String, Object> mine = Map.of("customId", Map.of("_contains", tag));
        JsonNode first = ok(gql("VHU", page, "w", mine, "first", 2)).get("bsvhus");
        assertEquals(3, first.get("totalCount").asInt());
        assertEquals(List.of(ids.get(2), ids.get(1)), nodeIds(first), "newest first");
        assertTrue(first.at("/pageInfo/hasNextPage").asBoolean());
        assertFalse(first.at("/pageInfo/hasPreviousPage").asBoolean());
        JsonNode second = ok(gql("VHU", page, "w", mine, "first", 2, "after", first.at("/pageInfo/endCursor").asText()))
                .get("bsvhus");
        assertEquals(List.of(ids.get(0)), nodeIds(second));
        assertFalse(second.at("/pageInfo/hasNextPage").asBoolean());
        assertTrue(second.at("/pageInfo/hasPreviousPage").asBoolean());
        JsonNode last = ok(gql("VHU", page, "w", mine, "last", 2)).get("bsvhus");
        assertEquals(List.of(ids.get(1), ids.get(0)), nodeIds(last));
        assertTrue(last.at("/pageInfo/hasPreviousPage").asBoolean());
        JsonNode before = ok(gql("VHU", page, "w", mine, "last", 2, "before", ids.get(0))).get("bsvhus");
        assertEquals(List.of(ids.get(2), ids.get(1)), nodeIds(before));

        assertEquals(2, count(page, Map.of("_or", List.of(Map.of("id", Map.of("_eq", ids.get(0))),
                Map.of("id", Map.of("_eq", ids.get(1)))))));
        assertEquals(2, count(page, Map.of("customId", Map.of("_contains", tag), "_not", Map.of("id", Map.of("_eq", ids.get(0))))));
        assertEquals(3, count(page, Map.of("_and", List.of(mine, Map.of("status", Map.of("_in", List.of("INITIAL"))),
                Map.of("isDraft", false), Map.of("createdAt", Map.of("_gte", Instant.now().minus(1, ChronoUnit.HOURS).toString())),
                Map.of("transporter", Map.of("company", Map.of("siret", Map.of("_eq", "20000000000030")),
                        "transport", Map.of("plates", Map.of("_has", "AA-123-BB"))))))));
        assertEquals(0, count(page, Map.of("_and", List.of(mine, Map.of("updatedAt", Map.of("_lt", "2020-01-01T00:00:00Z"))))));
        assertEquals(3, count(page, Map.of("_and", List.of(mine, Map.of("destination", Map.of("company",
                Map.of("siret", Map.of("_in", List.of("76000000000009")))))))));
        assertEquals(1, count(page, Map.of("customId", Map.of("_eq", tag + "-1"), "id", Map.of("_in", ids))));
        assertEquals(0, ok(gql("X", page, "w", mine)).at("/bsvhus/totalCount").asInt(), "X sees none of them");
        JsonNode tooMany = gql("VHU", page, "first", 501);
        assertEquals("BAD_USER_INPUT", code(tooMany));
    }

    private static int count(String page, Map<String, Object> where) {
        return ok(gql("VHU", page, "w", where)).at("/bsvhus/totalCount").asInt();
    }

    private static List<String> nodeIds(JsonNode connection) {
        List<String> ids = new ArrayList<>();
        connection.get("edges").forEach(e -> ids.add(e.at("/node/id").asText()));
        return ids;
    }

    @Test
    void eachChangePublishesTheFullStateAndLogsStatusChanges() throws Exception {
        String id = create(vhu(Map.of()));
        ok(gql("VHU", SIGN, "id", id, "i", signature("EMISSION", "Jean Voiture", Instant.now())));
        ok(gql("VHU", UPDATE, "id", id, "i", Map.of("customId", "après émission")));
        List<JsonNode> events = events(id);
        assertEquals(3, events.size());
        JsonNode last = events.get(2);
        assertEquals(BsvhuEvents.UPSERTED, last.get("type").asText());
        JsonNode payload = last.get("payload");
        assertEquals(3, payload.get("version").asLong());
        assertFalse(payload.get("isDeleted").asBoolean());
        assertEquals("SIGNED_BY_PRODUCER", payload.get("status").asText());
        assertEquals("Jean Voiture", payload.at("/emitter/emission/signature/author").asText());
        assertEquals("20000000000030", payload.at("/transporters/0/company/siret").asText());
        assertEquals(payload.at("/transporters/0/id"), payload.at("/transporter/id"));
        assertEquals("après émission", payload.get("customId").asText());
        assertFalse(payload.has("metadata"));
        assertEquals(List.of("INITIAL", "SIGNED_BY_PRODUCER"), statuses(id));

        JsonNode metadata = ok(gql("T1", "query($id: ID!) { bsvhu(id: $id) { metadata { errors { path } fields { sealed } } } }",
                "id", id)).at("/bsvhu/metadata");
        assertTrue(metadata.at("/fields/sealed").toString().contains("[\"quantity\"]"), metadata.toString());
        assertEquals(0, metadata.at("/errors").size(), metadata.toString());

        ok(gql("VHU", "mutation($id: ID!) { deleteBsvhu(id: $id) { id } }", "id", id));
        List<JsonNode> after = events(id);
        assertEquals(BsvhuEvents.DELETED, after.get(3).get("type").asText());
        assertTrue(after.get(3).at("/payload/isDeleted").asBoolean());
    }

    private List<JsonNode> events(String id) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select type, aggregate_type, payload from outbox_event where aggregate_id = ? order by version")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertEquals(BsvhuEvents.AGGREGATE_TYPE, rs.getString(2));
                    ObjectNode event = EventCodec.mapper().createObjectNode();
                    event.put("type", rs.getString(1));
                    event.set("payload", EventCodec.mapper().readTree(rs.getString(3)));
                    events.add(event);
                }
            }
        }
        return events;
    }

    private List<String> statuses(String id) throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select status from bsd_status_log where bsd_type = 'bsvhu' and bsd_id = ? order by logged_at")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statuses.add(rs.getString(1));
                }
            }
        }
        return statuses;
    }

    @Test
    void thePdfShowsTheWholeBsvhuWithItsSignatures() throws IOException {
        Instant base = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        String id = create(vhu(Map.of()));
        ok(gql("VHU", SIGN, "id", id, "i", signature("EMISSION", "Jean Voiture", base)));
        ok(gql("T1", SIGN, "id", id, "i", signature("TRANSPORT", "Thomas", base.plus(1, ChronoUnit.HOURS))));
        ok(gql("BR", UPDATE, "id", id, "i", Map.of("destination", Map.of("reception", Map.of("date",
                base.plus(1, ChronoUnit.DAYS).toString(), "weight", 1.35, "acceptationStatus", "ACCEPTED"),
                "operation", Map.of("date", base.plus(1, ChronoUnit.DAYS).toString(), "code", "R 4", "mode", "RECYCLAGE")))));
        ok(gql("BR", SIGN, "id", id, "i", signature("RECEPTION", "Tom Broyeur", base.plus(1, ChronoUnit.DAYS))));
        ok(gql("BR", SIGN, "id", id, "i", signature("OPERATION", "Tom Broyeur", base.plus(2, ChronoUnit.DAYS))));

        JsonNode denied = gql("X", "query($id: ID!) { bsvhuPdf(id: $id) { token } }", "id", id);
        assertEquals("FORBIDDEN", code(denied), denied.toString());
        JsonNode link = ok(gql("VHU", "query($id: ID!) { bsvhuPdf(id: $id) { token downloadLink } }", "id", id))
                .get("bsvhuPdf");
        Response response = given().header(TestIdentity.HEADER, TestIdentity.anonymous())
                .queryParam("token", link.get("token").asText()).get("/download");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("application/pdf", response.contentType());
        assertEquals("attachment; filename=\"" + id + ".pdf\"", response.header("Content-Disposition"));
        String text;
        try (PDDocument document = Loader.loadPDF(response.asByteArray())) {
            text = new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
        for (String expected : List.of(id, "VÉHICULES HORS D'USAGE", "75000000000000", "76000000000009",
                "20000000000030", "16 01 06", "AB-123-CD", "AA-123-BB", "R 4", "REC-T1-2026", "Statut : traité",
                signed(base, "Jean Voiture"), signed(base.plus(1, ChronoUnit.HOURS), "Thomas"),
                signed(base.plus(2, ChronoUnit.DAYS), "Tom Broyeur"))) {
            assertTrue(text.contains(expected), "missing « " + expected + " » in:\n" + text);
        }
        assertEquals(403, given().header(TestIdentity.HEADER, TestIdentity.anonymous())
                .queryParam("token", link.get("token").asText()).get("/download").statusCode(), "single use");
    }

    private static String signed(Instant at, String by) {
        return "signé le " + PARIS_DAY.format(at) + " à " + PARIS_TIME.format(at) + " par " + by;
    }
}
