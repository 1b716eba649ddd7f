package fr.wastetrace.bsd.core.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.workflow.Workflow;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The write options every type's mutations take beyond the reference (#25), on BSVHUs and the real stack: a dry run
 * answers as the write would and leaves no row, event, status log or version behind; an expected version refuses a
 * stale write; every version is listed with its author and changed fields; a signature on a list of BSVHUs gives one
 * result per BSVHU.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class WriteOptionsQuarkusTest extends ActsAsWorkflowActors {
    private static final String CREATE = "mutation($i: BsvhuInput!, $dry: Boolean) { createBsvhu(input: $i, "
            + "wastetraceDryRun: $dry) { id status wastetraceVersion } }";
    private static final String UPDATE = "mutation($id: ID!, $i: BsvhuInput!, $v: Int, $dry: Boolean) { updateBsvhu("
            + "id: $id, input: $i, wastetraceExpectedVersion: $v, wastetraceDryRun: $dry) { quantity wastetraceVersion } }";
    private static final String SIGN = "mutation($id: ID!, $i: BsvhuSignatureInput!, $dry: Boolean, $v: Int) { "
            + "signBsvhu(id: $id, input: $i, wastetraceDryRun: $dry, wastetraceExpectedVersion: $v) { status "
            + "wastetraceVersion } }";
    private static final String READ = "query($id: ID!) { bsvhu(id: $id) { status quantity wastetraceVersion "
            + "wastetraceVersions { version userId userEmail changedFields writtenAt } } }";
    private static final Map<String, Object> EMISSION = Map.of("type", "EMISSION", "author", "Jean Voiture");

    @Inject
    AgroalDataSource dataSource;

    private static ObjectNode vhu() {
        Map<String, JsonNode> values = new HashMap<>(WorkflowActors.values());
        Workflow.read(WorkflowActors.DIRECTORY.resolve("bsvhu/S01-vhu-vers-broyeur.yaml")).addFixtures(values);
        return values.get("fixture.vhu").deepCopy();
    }

    private static String create() {
        return ok(gql("VHU", CREATE, "i", vhu())).at("/createBsvhu/id").asText();
    }

    @Test
    void aDryRunAnswersAsTheWriteWouldAndWritesNothing() throws SQLException {
        JsonNode dry = ok(gql("VHU", CREATE, "i", vhu(), "dry", true)).get("createBsvhu");
        String ghost = dry.get("id").asText();
        assertEquals("INITIAL", dry.get("status").asText());
        assertEquals(1, dry.get("wastetraceVersion").asInt(), "the answer is the BSVHU as it would be");
        assertEquals(0, traces(ghost), "no row, event, status log, search entry or version");
        assertEquals("BAD_USER_INPUT", code(gql("VHU", "query($id: ID!) { bsvhu(id: $id) { id } }", "id", ghost)));

        ObjectNode incomplete = vhu();
        incomplete.remove("wasteCode");
        JsonNode real = gql("VHU", CREATE, "i", incomplete);
        JsonNode validated = gql("VHU", CREATE, "i", incomplete, "dry", true);
        assertEquals("BAD_USER_INPUT", code(real), real.toString());
        assertEquals(withoutIds(real.get("errors")), withoutIds(validated.get("errors")),
                "a dry run fails exactly as the write (each error has its own id)");

        String id = create();
        long before = traces(id);
        JsonNode signed = ok(gql("VHU", SIGN, "id", id, "i", EMISSION, "dry", true)).get("signBsvhu");
        assertEquals("SIGNED_BY_PRODUCER", signed.get("status").asText());
        assertEquals(2, signed.get("wastetraceVersion").asInt());
        JsonNode stored = ok(gql("VHU", READ, "id", id)).get("bsvhu");
        assertEquals("INITIAL", stored.get("status").asText(), "the dry signature was rolled back");
        assertEquals(1, stored.get("wastetraceVersion").asInt());
        assertEquals(before, traces(id));
        assertEquals("FORBIDDEN", code(gql("T1", SIGN, "id", id, "i", EMISSION, "dry", true)),
                "the permission checks run in a dry run");
        assertEquals("SIGNED_BY_PRODUCER", ok(gql("VHU", SIGN, "id", id, "i", EMISSION)).at("/signBsvhu/status")
                .asText(), "the real signature after a dry one");
    }

    @Test
    void aStaleExpectedVersionIsRefusedAndTheVersionsAreListed() {
        String id = create();
        JsonNode updated = ok(gql("VHU", UPDATE, "id", id, "i", Map.of("quantity", 3), "v", 1)).get("updateBsvhu");
        assertEquals(2, updated.get("wastetraceVersion").asInt());
        JsonNode stale = gql("VHU", UPDATE, "id", id, "i", Map.of("quantity", 5), "v", 1);
        assertEquals("BAD_USER_INPUT", code(stale), stale.toString());
        String message = stale.at("/errors/0/message").asText();
        assertTrue(message.contains("wastetraceExpectedVersion") && message.contains("version actuelle : 2"), message);
        assertEquals("BAD_USER_INPUT", code(gql("VHU", UPDATE, "id", id, "i", Map.of("quantity", 5), "v", 0)));
        assertEquals("BAD_USER_INPUT", code(gql("VHU", SIGN, "id", id, "i", EMISSION, "v", 7)),
                "a signature takes an expected version too");

        JsonNode bsvhu = ok(gql("VHU", READ, "id", id)).get("bsvhu");
        assertEquals(3, bsvhu.get("quantity").asInt(), "the stale write changed nothing");
        ok(gql("VHU", SIGN, "id", id, "i", EMISSION, "v", 2));
        JsonNode versions = ok(gql("VHUreader", READ, "id", id)).at("/bsvhu/wastetraceVersions");
        assertEquals(3, versions.size(), versions.toString());
        assertEquals(List.of(1, 2, 3), numbers(versions, "version"));
        assertEquals(0, versions.get(0).get("changedFields").size(), "creation");
        assertEquals("[\"quantity\"]", versions.get(1).get("changedFields").toString());
        List<String> signature = texts(versions.get(2).get("changedFields"));
        assertTrue(signature.contains("status") && signature.contains("emitter.emission.signature.author"),
                signature.toString());
        assertFalse(signature.contains("updatedAt"), "bookkeeping is not a change");
        assertEquals("wf-VHU", versions.get(2).get("userId").asText());
        assertEquals("wf-VHU@wastetrace.test", versions.get(2).get("userEmail").asText());
    }

    @Test
    void aSignatureOnAListGivesOneResultPerBsvhu() {
        String a = create();
        String b = create();
        String many = "mutation($ids: [String!]!, $i: BsvhuSignatureInput!, $dry: Boolean) { wastetraceSignBsvhus(ids: $ids, "
                + "input: $i, wastetraceDryRun: $dry) { id done bsd { ... on Bsvhu { status } } error { code message errorId } } }";
        JsonNode results = ok(gql("VHU", many, "ids", List.of(a, "VHU-20260101-UNKNOWN00", b, a), "i", EMISSION))
                .get("wastetraceSignBsvhus");
        assertEquals(3, results.size(), "one result per BSVHU, duplicates once: " + results);
        assertEquals(a, results.get(0).get("id").asText());
        assertTrue(results.get(0).get("done").asBoolean());
        assertEquals("SIGNED_BY_PRODUCER", results.get(0).at("/bsd/status").asText());
        assertFalse(results.get(1).get("done").asBoolean());
        assertEquals("BAD_USER_INPUT", results.get(1).at("/error/code").asText(), "as bsvhu(id) would answer");
        assertTrue(results.get(1).at("/error/errorId").asText().matches("[0-9a-z]{12}"), results.get(1).toString());
        assertTrue(results.get(1).get("bsd").isNull());
        assertTrue(results.get(2).get("done").asBoolean(), "one failure does not stop the others");

        JsonNode again = ok(gql("VHU", many, "ids", List.of(a), "i", EMISSION)).get("wastetraceSignBsvhus");
        assertEquals("BAD_USER_INPUT", again.at("/0/error/code").asText(), "already signed");
        String c = create();
        JsonNode dry = ok(gql("VHU", many, "ids", List.of(c), "i", EMISSION, "dry", true)).get("wastetraceSignBsvhus");
        assertEquals("SIGNED_BY_PRODUCER", dry.at("/0/bsd/status").asText());
        assertEquals("INITIAL", ok(gql("VHU", READ, "id", c)).at("/bsvhu/status").asText());
        assertEquals("BAD_USER_INPUT", code(gql("VHU", many, "ids", List.of(), "i", EMISSION)), "an empty list");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= Writes.MAX_MANY; i++) {
            tooMany.add("VHU-" + i);
        }
        assertEquals("BAD_USER_INPUT", code(gql("VHU", many, "ids", tooMany, "i", EMISSION)));
    }

    /** Rows anything wrote for the BSD: its own, its events, status log, search entry and versions. */
    private long traces(String id) throws SQLException {
        String sql = "select (select count(*) from bsvhu where id = ?) + (select count(*) from outbox_event where "
                + "aggregate_id = ?) + (select count(*) from bsd_status_log where bsd_id = ?) + (select count(*) from "
                + "bsd_search where id = ?) + (select count(*) from bsd_version where bsd_id = ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= 5; i++) {
                ps.setString(i, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonNode withoutIds(JsonNode errors) {
        JsonNode copy = errors.deepCopy();
        copy.forEach(e -> ((ObjectNode) e.get("extensions")).remove("errorId"));
        return copy;
    }

    private static List<Integer> numbers(JsonNode list, String field) {
        List<Integer> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get(field).asInt()));
        return out;
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }
}
