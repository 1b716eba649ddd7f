package fr.wastetrace.bsd.bsff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.bsd.BsffEvents;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * The BSFF operations on the real stack, for what the workflows ({@code workflows/bsff/}) do not show: the filters and
 * the cursor pagination of {@code bsffs} and {@code bsffPackagings}, the events and the status log written with each
 * change, the metadata, and the PDF read back as text.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class BsffOperationsQuarkusTest extends ActsAsWorkflowActors {
    private static final String SIGN = "mutation($id: ID!, $i: BsffSignatureInput!) { signBsff(id: $id, input: $i) "
            + "{ status } }";

    @Inject
    AgroalDataSource dataSource;

    /** The complete BSFF input of workflow FF2, with {@code overrides} merged in. */
    private static ObjectNode ff(Map<String, Object> overrides) {
        Map<String, JsonNode> values = new HashMap<>(WorkflowActors.values());
        values.put("now", EventCodec.mapper().valueToTree(java.time.Instant.now().toString()));
        Workflow.read(WorkflowActors.DIRECTORY.resolve("bsff/S02-acceptation-partielle-et-refus.yaml"))
                .addFixtures(values);
        ObjectNode input = values.get("fixture.ff").deepCopy();
        overrides.forEach((k, v) -> input.set(k, EventCodec.mapper().valueToTree(v)));
        return input;
    }

    private static JsonNode create(ObjectNode input) {
        return ok(gql("BSFF_DET", "mutation($i: BsffInput!) { createBsff(input: $i) { id packagings { id } } }",
                "i", input)).get("createBsff");
    }

    @Test
    void bsffsAndBsffPackagingsFilterAndPageByCursor() {
        String tag = "PG-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(ff(Map.of("packagings", List.of(Map.of("type", "BOUTEILLE", "numero", tag + "-" + i,
                    "volume", 10, "weight", 5))))).get("id").asText());
        }
        String page = "query($w: BsffWhere, $first: Int, $after: ID, $last: Int, $before: ID) { bsffs(where: $w, "
                + "first: $first, after: $after, last: $last, before: $before) { totalCount edges { node { id } } "
                + "pageInfo { endCursor hasNextPage hasPreviousPage } } }";
        Map<String, Object> mine = Map.of("packagings", Map.of("numero", Map.of("_contains", tag)));
        JsonNode first = ok(gql("BSFF_DET", page, "w", mine, "first", 2)).get("bsffs");
        assertEquals(3, first.get("totalCount").asInt());
        assertEquals(List.of(ids.get(2), ids.get(1)), nodeIds(first), "newest first");
        assertTrue(first.at("/pageInfo/hasNextPage").asBoolean());
        JsonNode second = ok(gql("BSFF_DET", page, "w", mine, "first", 2, "after",
                first.at("/pageInfo/endCursor").asText())).get("bsffs");
        assertEquals(List.of(ids.get(0)), nodeIds(second));
        assertEquals(3, count(page, Map.of("_and", List.of(mine, Map.of("status", Map.of("_eq", "INITIAL")),
                Map.of("isDraft", false), Map.of("emitter", Map.of("company", Map.of("siret",
                        Map.of("_eq", "93200000000004")))),
                Map.of("transporter", Map.of("company", Map.of("siret", Map.of("_in", List.of("93300000000002")))))))));
        assertEquals(2, count(page, Map.of("_and", List.of(mine, Map.of("_not", Map.of("id", Map.of("_eq",
                ids.get(0))))))));
        assertEquals(0, count(page, Map.of("_and", List.of(mine, Map.of("destination", Map.of("company",
                Map.of("siret", Map.of("_eq", "93100000000006"))))))));
        assertEquals(0, ok(gql("X", page, "w", mine)).at("/bsffs/totalCount").asInt(), "X sees none of them");

        String packagings = "query($w: BsffPackagingWhere, $first: Int, $after: ID) { bsffPackagings(where: $w, "
                + "first: $first, after: $after) { totalCount edges { cursor node { numero bsffId bsff { id } } } "
                + "pageInfo { endCursor hasNextPage } } }";
        Map<String, Object> tagged = Map.of("numero", Map.of("_contains", tag));
        JsonNode p1 = ok(gql("BSFF_DET", packagings, "w", tagged, "first", 2)).get("bsffPackagings");
        assertEquals(3, p1.get("totalCount").asInt());
        assertEquals(tag + "-2", p1.at("/edges/0/node/numero").asText());
        assertEquals(ids.get(2), p1.at("/edges/0/node/bsff/id").asText());
        assertTrue(p1.at("/pageInfo/hasNextPage").asBoolean());
        JsonNode p2 = ok(gql("BSFF_DET", packagings, "w", tagged, "first", 2, "after",
                p1.at("/pageInfo/endCursor").asText())).get("bsffPackagings");
        assertEquals(tag + "-0", p2.at("/edges/0/node/numero").asText());
        assertFalse(p2.at("/pageInfo/hasNextPage").asBoolean());
        assertEquals(1, ok(gql("BSFF_DET", packagings, "w", Map.of("numero", Map.of("_contains", tag), "bsff",
                Map.of("id", Map.of("_eq", ids.get(1)))))).at("/bsffPackagings/totalCount").asInt());
        assertEquals(0, ok(gql("BSFF_DET", packagings, "w", Map.of("numero", Map.of("_contains", tag), "operation",
                Map.of("code", Map.of("_eq", "R2"))))).at("/bsffPackagings/totalCount").asInt());
    }

    @Test
    void bsffPackagingsPageThroughTheContainersOfOneBsffBothWays() {
        String tag = "PK-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(Map.of("type", "BOUTEILLE", "numero", tag + "-" + i, "volume", 10, "weight", 1));
        }
        String older = create(ff(Map.of("packagings", List.of(Map.of("type", "BOUTEILLE", "numero", tag + "-old",
                "volume", 10, "weight", 1))))).get("id").asText();
        create(ff(Map.of("packagings", five)));
        String query = "query($w: BsffPackagingWhere, $first: Int, $after: ID, $last: Int, $before: ID) { "
                + "bsffPackagings(where: $w, first: $first, after: $after, last: $last, before: $before) { totalCount "
                + "edges { node { numero bsffId } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }";
        Map<String, Object> tagged = Map.of("numero", Map.of("_contains", tag));
        JsonNode p1 = ok(gql("BSFF_DET", query, "w", tagged, "first", 2)).get("bsffPackagings");
        assertEquals(6, p1.get("totalCount").asInt());
        assertEquals(List.of(tag + "-0", tag + "-1"), numeros(p1), "newest BSFF first, then its order");
        assertTrue(p1.at("/pageInfo/hasNextPage").asBoolean());
        assertFalse(p1.at("/pageInfo/hasPreviousPage").asBoolean());
        JsonNode p2 = ok(gql("BSFF_DET", query, "w", tagged, "first", 3, "after",
                p1.at("/pageInfo/endCursor").asText())).get("bsffPackagings");
        assertEquals(List.of(tag + "-2", tag + "-3", tag + "-4"), numeros(p2), "the rest of the same BSFF");
        assertTrue(p2.at("/pageInfo/hasNextPage").asBoolean());
        assertTrue(p2.at("/pageInfo/hasPreviousPage").asBoolean());
        JsonNode p3 = ok(gql("BSFF_DET", query, "w", tagged, "first", 3, "after",
                p2.at("/pageInfo/endCursor").asText())).get("bsffPackagings");
        assertEquals(List.of(tag + "-old"), numeros(p3), "then the older BSFF");
        assertEquals(older, p3.at("/edges/0/node/bsffId").asText());
        assertFalse(p3.at("/pageInfo/hasNextPage").asBoolean());

        JsonNode back = ok(gql("BSFF_DET", query, "w", tagged, "last", 2)).get("bsffPackagings");
        assertEquals(List.of(tag + "-4", tag + "-old"), numeros(back), "the last two, in listing order");
        assertTrue(back.at("/pageInfo/hasPreviousPage").asBoolean());
        assertFalse(back.at("/pageInfo/hasNextPage").asBoolean());
        JsonNode before = ok(gql("BSFF_DET", query, "w", tagged, "last", 3, "before",
                back.at("/pageInfo/startCursor").asText())).get("bsffPackagings");
        assertEquals(List.of(tag + "-1", tag + "-2", tag + "-3"), numeros(before));
        assertTrue(before.at("/pageInfo/hasPreviousPage").asBoolean());
        assertTrue(before.at("/pageInfo/hasNextPage").asBoolean());
        assertEquals("BAD_USER_INPUT", gql("BSFF_DET", query, "w", tagged, "first", 501)
                .at("/errors/0/extensions/code").asText());
    }

    private static List<String> numeros(JsonNode connection) {
        List<String> numeros = new ArrayList<>();
        connection.get("edges").forEach(e -> numeros.add(e.at("/node/numero").asText()));
        return numeros;
    }

    private static int count(String page, Map<String, Object> where) {
        return ok(gql("BSFF_DET", page, "w", where)).at("/bsffs/totalCount").asInt();
    }

    private static List<String> nodeIds(JsonNode connection) {
        List<String> ids = new ArrayList<>();
        connection.get("edges").forEach(e -> ids.add(e.at("/node/id").asText()));
        return ids;
    }

    @Test
    void eachChangePublishesTheFullStateAndLogsStatusChanges() throws Exception {
        String id = create(ff(Map.of())).get("id").asText();
        ok(gql("BSFF_DET", SIGN, "id", id, "i", Map.of("type", "EMISSION", "author", "M. Caisse")));
        ok(gql("BSFF_DET", "mutation($id: ID!, $i: BsffInput!) { updateBsff(id: $id, input: $i) { id } }", "id", id,
                "i", Map.of("emitter", Map.of("customInfo", "après émission"))));
        List<JsonNode> events = events(id);
        assertEquals(3, events.size());
        JsonNode payload = events.get(2).get("payload");
        assertEquals(BsffEvents.UPSERTED, events.get(2).get("type").asText());
        assertEquals(3, payload.get("version").asLong());
        assertEquals("SIGNED_BY_EMITTER", payload.get("status").asText());
        assertEquals("après émission", payload.at("/emitter/customInfo").asText());
        assertEquals("CT-01", payload.at("/packagings/0/numero").asText());
        assertTrue(payload.at("/packagings/0/previousPackagingIds").isArray());
        assertEquals(payload.at("/transporters/0/id"), payload.at("/transporter/id"));
        assertFalse(payload.has("metadata"));
        assertEquals(List.of("INITIAL", "SIGNED_BY_EMITTER"), statuses(id));
        JsonNode metadata = ok(gql("BSFF_T", "query($id: ID!) { bsff(id: $id) { metadata { errors { path } "
                + "fields { sealed } } } }", "id", id)).at("/bsff/metadata");
        assertTrue(metadata.at("/fields/sealed").toString().contains("[\"waste\",\"code\"]"), metadata.toString());
        assertEquals(0, metadata.at("/errors").size(), metadata.toString());
        JsonNode sealed = gql("BSFF_T", "mutation($id: ID!, $i: BsffInput!) { updateBsff(id: $id, input: $i) { id } }",
                "id", id, "i", Map.of("waste", Map.of("code", "14 06 03*")));
        assertEquals("BAD_USER_INPUT", code(sealed), sealed.toString());
        JsonNode stillOpen = ok(gql("BSFF_DET", "mutation($id: ID!, $i: BsffInput!) { updateBsff(id: $id, input: $i) "
                + "{ waste { description } } }", "id", id, "i", Map.of("waste", Map.of("code", "14 06 03*",
                "description", "R22 corrigé"))));
        assertEquals("R22 corrigé", stillOpen.at("/updateBsff/waste/description").asText(),
                "the emitter may still change its frame until the transport");
    }

    @Test
    void thePdfShowsTheBsffWithItsContainers() throws Exception {
        String id = create(ff(Map.of())).get("id").asText();
        ok(gql("BSFF_DET", SIGN, "id", id, "i", Map.of("type", "EMISSION", "author", "M. Caisse")));
        JsonNode denied = gql("X", "query($id: ID!) { bsffPdf(id: $id) { token } }", "id", id);
        assertEquals("FORBIDDEN", code(denied), denied.toString());
        JsonNode link = ok(gql("BSFF_DET", "query($id: ID!) { bsffPdf(id: $id) { token } }", "id", id))
                .get("bsffPdf");
        Response response = given().header(TestIdentity.HEADER, TestIdentity.anonymous())
                .queryParam("token", link.get("token").asText()).get("/download");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("application/pdf", response.contentType());
        String text;
        try (PDDocument document = Loader.loadPDF(response.asByteArray())) {
            text = new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
        for (String expected : List.of(id, "FLUIDES FRIGORIGÈNES", "93200000000004", "93600000000005",
                "93300000000002", "14 06 02*", "CT-01", "CT-02", "signé par l'émetteur", "M. Caisse")) {
            assertTrue(text.contains(expected), "missing « " + expected + " » in:\n" + text);
        }
    }

    private List<JsonNode> events(String id) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select type, aggregate_type, payload from outbox_event where aggregate_id = ? order by version")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertEquals(BsffEvents.AGGREGATE_TYPE, rs.getString(2));
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
                "select status from bsd_status_log where bsd_type = 'bsff' and bsd_id = ? order by logged_at")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statuses.add(rs.getString(1));
                }
            }
        }
        return statuses;
    }
}
