package fr.wastetrace.bsd.core.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The allowed actions of a BSVHU on the real stack, as each actor sees them before and after the emission, and
 * {@code wastetraceBsdsAwaitingMySignature} listing it for the company whose signature it waits for.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class AllowedActionsQuarkusTest extends ActsAsWorkflowActors {
    private static final String ACTIONS = "query($id: ID!) { bsvhu(id: $id) { wastetraceAllowedActions { "
            + "signatures { signatureType allowed reason } update { allowed reason } delete { allowed reason } "
            + "duplicate { allowed } revisionRequest { allowed } } } }";
    private static final String AWAITING = "query($after: ID) { wastetraceBsdsAwaitingMySignature(bsdType: BSVHU, "
            + "first: 100, after: $after) { nodes { ... on Bsvhu { id } } endCursor hasNextPage } }";

    private static String createBsvhu() {
        ObjectNode input = fixture("bsvhu/S01-vhu-vers-broyeur.yaml", "vhu");
        return ok(gql("VHU", "mutation($i: BsvhuInput!) { createBsvhu(input: $i) { id } }", "i", input))
                .at("/createBsvhu/id").asText();
    }

    private static JsonNode signature(String user, String id, String type) {
        JsonNode actions = ok(gql(user, ACTIONS, "id", id)).at("/bsvhu/wastetraceAllowedActions");
        for (JsonNode s : actions.get("signatures")) {
            if (s.get("signatureType").asText().equals(type)) {
                return s;
            }
        }
        throw new AssertionError(type + " missing in " + actions);
    }

    /** Every BSVHU awaiting {@code user}'s signature, all pages read. */
    private static List<String> awaiting(String user) {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = ok(after == null ? gql(user, AWAITING) : gql(user, AWAITING, "after", after))
                    .get("wastetraceBsdsAwaitingMySignature");
            page.get("nodes").forEach(n -> ids.add(n.get("id").asText()));
            after = page.get("hasNextPage").asBoolean() ? page.get("endCursor").asText() : null;
        } while (after != null);
        return ids;
    }

    @Test
    void eachActorSeesTheSignatureThatIsItsTurn() {
        String id = createBsvhu();
        assertTrue(signature("VHU", id, "EMISSION").get("allowed").asBoolean());
        JsonNode transportBefore = signature("T1", id, "TRANSPORT");
        assertFalse(transportBefore.get("allowed").asBoolean());
        assertTrue(transportBefore.get("reason").asText().contains("INITIAL"), transportBefore.toString());
        JsonNode reader = signature("VHUreader", id, "EMISSION");
        assertFalse(reader.get("allowed").asBoolean());
        assertTrue(reader.get("reason").asText().startsWith("Votre rôle"), reader.toString());
        assertTrue(awaiting("VHU").contains(id));
        assertFalse(awaiting("T1").contains(id));

        ok(gql("VHU", "mutation($id: ID!, $i: BsvhuSignatureInput!) { signBsvhu(id: $id, input: $i) { id } }",
                "id", id, "i", Map.of("type", "EMISSION", "author", "Jean Voiture")));
        assertTrue(signature("T1", id, "TRANSPORT").get("allowed").asBoolean());
        JsonNode emission = signature("VHU", id, "EMISSION");
        assertEquals("Cette signature a déjà été apposée.", emission.get("reason").asText());
        assertTrue(awaiting("T1").contains(id));
        assertFalse(awaiting("VHU").contains(id));
        assertFalse(awaiting("BR").contains(id));
        assertFalse(awaiting("X").contains(id));

        JsonNode actions = ok(gql("T1", ACTIONS, "id", id)).at("/bsvhu/wastetraceAllowedActions");
        assertFalse(actions.at("/delete/allowed").asBoolean(), "only the emitter may still delete it");
        assertTrue(ok(gql("VHU", ACTIONS, "id", id)).at("/bsvhu/wastetraceAllowedActions/delete/allowed").asBoolean());
        assertTrue(actions.get("revisionRequest").isNull());
    }

    @Test
    void theAwaitingListPagesByCursorAndChecksItsArguments() {
        JsonNode tooMany = gql("VHU", "{ wastetraceBsdsAwaitingMySignature(bsdType: BSVHU, first: 101) { hasNextPage } }");
        assertEquals("BAD_USER_INPUT", code(tooMany), tooMany.toString());
        String a = createBsvhu();
        String b = createBsvhu();
        String page = "query($after: ID) { wastetraceBsdsAwaitingMySignature(bsdType: BSVHU, first: 1, after: $after) "
                + "{ nodes { ... on Bsvhu { id } } endCursor hasNextPage } }";
        JsonNode first = ok(gql("VHU", page)).get("wastetraceBsdsAwaitingMySignature");
        assertTrue(first.get("hasNextPage").asBoolean());
        JsonNode second = ok(gql("VHU", page, "after", first.get("endCursor").asText()))
                .get("wastetraceBsdsAwaitingMySignature");
        List<String> all = awaiting("VHU");
        assertTrue(all.contains(a) && all.contains(b), all.toString());
        assertEquals(all.get(0), first.at("/nodes/0/id").asText());
        assertEquals(all.get(1), second.at("/nodes/0/id").asText(), "the next page starts after the cursor");
        assertEquals(all.size(), all.stream().distinct().count(), "no BSD twice across pages");
    }
}
