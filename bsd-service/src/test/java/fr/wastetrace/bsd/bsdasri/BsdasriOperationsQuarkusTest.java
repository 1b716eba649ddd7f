package fr.wastetrace.bsd.bsdasri;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.bsd.BsdasriEvents;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.workflow.Workflow;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The BSDASRI operations on the real stack, for what the workflows ({@code workflows/bsdasri/}) do not show: the
 * events and status log of each change, the cursor pagination and filters of {@code bsdasris}, the metadata; and the
 * schema the subgraph serves, saved for the contract check ({@code target/bsd-service-introspection.json}).
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class BsdasriOperationsQuarkusTest extends ActsAsWorkflowActors {
    private static final String SIGN = "mutation($id: ID!, $i: BsdasriSignatureInput!) { signBsdasri(id: $id, "
            + "input: $i) { status } }";

    @Inject
    AgroalDataSource dataSource;

    /** The data of a call that must succeed. */
    private static JsonNode data(String user, String query, Object... nameValues) {
        return ok(gql(user, query, nameValues));
    }

    /** The complete input of workflow DASRI1. */
    private static ObjectNode dasri() {
        Map<String, JsonNode> values = new HashMap<>(WorkflowActors.values());
        Workflow.read(WorkflowActors.DIRECTORY.resolve("bsdasri/S01-acheminement-direct.yaml")).addFixtures(values);
        return values.get("fixture.dasri").deepCopy();
    }

    @Test
    void eachChangePublishesTheFullStateAndEachStatusIsLogged() throws Exception {
        String id = data("DASRI_P", "mutation($i: BsdasriInput!) { createBsdasri(input: $i) { id } }", "i", dasri())
                .at("/createBsdasri/id").asText();
        data("DASRI_P", SIGN, "id", id, "i", Map.of("type", "EMISSION", "author", "Dr Soins"));
        data("DASRI_T", "mutation($id: ID!, $i: BsdasriInput!) { updateBsdasri(id: $id, input: $i) { id } }", "id", id,
                "i", Map.of("transporter", Map.of("transport", Map.of("acceptation", Map.of("status", "ACCEPTED"),
                        "packagings", List.of(Map.of("type", "FUT", "quantity", 2, "volume", 50))))));
        data("DASRI_T", SIGN, "id", id, "i", Map.of("type", "TRANSPORT", "author", "Théo"));
        List<JsonNode> events = events(id);
        assertEquals(4, events.size());
        JsonNode last = events.get(3);
        assertEquals(BsdasriEvents.UPSERTED, last.get("type").asText());
        JsonNode payload = last.get("payload");
        assertEquals(4, payload.get("version").asLong());
        assertFalse(payload.get("isDeleted").asBoolean());
        assertEquals("SENT", payload.get("status").asText());
        assertEquals("SIMPLE", payload.get("type").asText());
        assertEquals("Théo", payload.at("/transporter/transport/signature/author").asText());
        assertEquals(100.0, payload.at("/transporter/transport/volume").asDouble());
        assertEquals("REC-DASRI-T", payload.at("/transporter/recepisse/number").asText());
        assertTrue(payload.has("groupedInId") && payload.get("groupedInId").isNull());
        assertFalse(payload.has("metadata"));
        assertEquals(List.of("INITIAL", "SIGNED_BY_PRODUCER", "SENT"), statuses(id));

        JsonNode metadata = data("DASRI_D", "query($id: ID!) { bsdasri(id: $id) { metadata { errors { message path "
                + "requiredFor } } } }", "id", id).at("/bsdasri/metadata/errors");
        List<String> paths = new ArrayList<>();
        metadata.forEach(e -> paths.add(e.get("path").asText()));
        assertTrue(paths.contains("destination.reception.acceptation.status"), paths.toString());
        assertEquals("RECEPTION", metadata.get(0).at("/requiredFor/0").asText());

        JsonNode refused = WorkflowActors.call("DASRI_P", "mutation($id: ID!) { deleteBsdasri(id: $id) { id } }",
                EventCodec.mapper().createObjectNode().put("id", id));
        assertTrue(refused.hasNonNull("errors"), "a signed and sent BSDASRI is not deleted: " + refused);
    }

    @Test
    void bsdasrisPagesByCursorAndFiltersByTypeAndContainerNumbers() {
        String tag = "N-" + System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode input = dasri();
            input.putObject("identification").putArray("numbers").add(tag + "-" + i).add(tag);
            ids.add(data("DASRI_P", "mutation($i: BsdasriInput!) { createBsdasri(input: $i) { id } }", "i", input)
                    .at("/createBsdasri/id").asText());
        }
        String page = "query($w: BsdasriWhere, $first: Int, $after: ID, $last: Int) { bsdasris(where: $w, "
                + "first: $first, after: $after, last: $last) { totalCount edges { node { id } } "
                + "pageInfo { endCursor hasNextPage hasPreviousPage } } }";
        Map<String, Object> mine = Map.of("identification", Map.of("numbers", Map.of("_has", tag)),
                "type", Map.of("_eq", "SIMPLE"));
        JsonNode first = data("DASRI_P", page, "w", mine, "first", 2).get("bsdasris");
        assertEquals(3, first.get("totalCount").asInt());
        assertEquals(List.of(ids.get(2), ids.get(1)), nodeIds(first), "newest first");
        assertTrue(first.at("/pageInfo/hasNextPage").asBoolean());
        JsonNode second = data("DASRI_P", page, "w", mine, "first", 2, "after",
                first.at("/pageInfo/endCursor").asText()).get("bsdasris");
        assertEquals(List.of(ids.get(0)), nodeIds(second));
        assertTrue(second.at("/pageInfo/hasPreviousPage").asBoolean());
        Map<String, Object> one = Map.of("identification", Map.of("numbers", Map.of("_has", tag + "-1")));
        assertEquals(List.of(ids.get(1)), nodeIds(data("DASRI_P", page, "w", one).get("bsdasris")));
        Map<String, Object> grouping = Map.of("identification", Map.of("numbers", Map.of("_has", tag)),
                "type", Map.of("_in", List.of("GROUPING", "SYNTHESIS")));
        assertEquals(0, data("DASRI_P", page, "w", grouping).at("/bsdasris/totalCount").asInt());
        assertEquals(0, data("DASRI_D", page, "w", Map.of("_not", mine, "id", Map.of("_in", ids)))
                .at("/bsdasris/totalCount").asInt());
    }

    @Test
    void theServedSchemaIsSavedForTheContractCheck() throws Exception {
        String query = new String(getClass().getResourceAsStream("/contract/introspection.graphql").readAllBytes(),
                StandardCharsets.UTF_8);
        JsonNode schema = WorkflowActors.call("DASRI_P", query, EventCodec.mapper().createObjectNode());
        assertTrue(schema.at("/data/__schema/types").isArray(), schema.toString());
        Files.writeString(Path.of("target", "bsd-service-introspection.json"), schema.toString());
        List<String> operations = new ArrayList<>();
        for (JsonNode type : schema.at("/data/__schema/types")) {
            if (List.of("Query", "Mutation").contains(type.get("name").asText())) {
                type.get("fields").forEach(f -> operations.add(f.get("name").asText()));
            }
        }
        for (String op : List.of("bsdasri", "bsdasris", "bsdasriPdf", "bsdasriRevisionRequests", "createBsdasri",
                "createDraftBsdasri", "updateBsdasri", "publishBsdasri", "signBsdasri",
                "signBsdasriEmissionWithSecretCode", "duplicateBsdasri", "deleteBsdasri",
                "createBsdasriRevisionRequest", "submitBsdasriRevisionRequestApproval",
                "cancelBsdasriRevisionRequest")) {
            assertTrue(operations.contains(op), op);
        }
    }

    private static List<String> nodeIds(JsonNode connection) {
        List<String> ids = new ArrayList<>();
        connection.get("edges").forEach(e -> ids.add(e.at("/node/id").asText()));
        return ids;
    }

    private List<JsonNode> events(String id) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select type, aggregate_type, payload from outbox_event where aggregate_id = ? order by version")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertEquals(BsdasriEvents.AGGREGATE_TYPE, rs.getString(2));
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
                "select status from bsd_status_log where bsd_type = 'bsdasri' and bsd_id = ? order by logged_at")) {
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
