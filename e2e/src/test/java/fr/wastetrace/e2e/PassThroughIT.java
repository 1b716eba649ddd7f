package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.Stack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operation one subgraph answers whole goes to the client as the subgraph answered it, without the gateway
 * executing it a second time (issue #22 item 4), and the client sees no difference: each operation of a corpus
 * (aliases, fragments, variables, errors, nulls, nested {@code __typename}, mutations) is sent once as it is, passed
 * through, and once with {@code __typename} added at its root, a field of the gateway's own, which makes the gateway
 * shape the answer from the subgraph's; the two answers are the same JSON, text and key order included, once the root
 * {@code __typename} and the error ids (new for each answer) are taken out.
 */
class PassThroughIT {
    private static final Pattern PASSED = Pattern.compile(
            "wastetrace_gateway_pass_through_total\\{[^}]*result=\"passed\"[^}]*} ([0-9.E]+)");

    /** One operation of the corpus; {@code passed}: the subgraph's answer has data, so it goes through unshaped. */
    private record Case(String name, String query, Map<String, Object> variables, boolean passed) {
    }

    @Test
    void aPassedThroughAnswerIsTheAnswerTheGatewayWouldShape() {
        Suite.env();
        WorkflowAccounts accounts = WorkflowAccounts.create(Stack.root().resolve("e2e/src/test/resources/pass-through"));
        String siret = accounts.values().get("P.siret").asText();
        JsonNode created = accounts.call("P", "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }",
                EventCodec.mapper().valueToTree(Map.of("i", Map.of(
                        "emitter", Map.of("type", "PRODUCER", "company", Map.of("siret", siret, "name", "Producteur")),
                        "wasteDetails", Map.of("code", "06 05 02*", "packagingInfos",
                                List.of(Map.of("type", "FUT", "quantity", 2)))))));
        assertTrue(created.path("errors").isMissingNode(), created::toString);
        String id = created.at("/data/createForm/id").asText();

        List<Case> corpus = List.of(
                new Case("aliases", "query($id: ID) { f: form(id: $id) { ident: id readableId s: status "
                        + "emitter { t: type company { siret name mail } } } again: form(id: $id) { id } }",
                        Map.of("id", id), true),
                new Case("fragments and nested __typename", "query F($id: ID) { form(id: $id) { ...Head "
                        + "wasteDetails { ... on WasteDetails { __typename code packagingInfos { __typename type quantity } } } } } "
                        + "fragment Head on Form { __typename id status emitter { ...Emitter } } "
                        + "fragment Emitter on Emitter { type company { siret } }", Map.of("id", id), true),
                new Case("nulls in the data", "query($id: ID) { form(id: $id) { id recipient { cap company { siret } } "
                        + "transporters { company { siret } } trader { receipt } broker { receipt } customId } }",
                        Map.of("id", id), true),
                new Case("a variable's default value and skip/include", "query($id: ID = \"" + id + "\", $no: Boolean = false) "
                        + "{ form(id: $id) { id status @include(if: $no) readableId @skip(if: $no) } }", Map.of(), true),
                new Case("a list with arguments", "query($s: String) { forms(siret: $s, first: 5) { id status } }",
                        Map.of("s", siret), true),
                new Case("the subgraph's error (an unknown form)", "{ form(id: \"unknown-form\") { id } }", Map.of(), false),
                new Case("an error beside data", "query($id: ID) { ok: form(id: $id) { id } ko: form(id: \"unknown-form\") { id } }",
                        Map.of("id", id), false),
                new Case("a mutation's refusal", "mutation($id: ID!) { markAsSealed(id: $id, wastetraceDryRun: true) { id status } }",
                        Map.of("id", id), false),
                new Case("a mutation (the same change twice)", "mutation($i: UpdateFormInput!) { updateForm(updateFormInput: $i) "
                        + "{ id customId wasteDetails { code } } }", Map.of("i", Map.of("id", id, "customId", "passage-direct")), true));

        long passedThrough = 0;
        for (Case c : corpus) {
            double before = passedCount();
            JsonNode direct = accounts.call("P", c.query(), EventCodec.mapper().valueToTree(c.variables()));
            double after = passedCount();
            JsonNode shaped = accounts.call("P", withRootTypename(c.query()), EventCodec.mapper().valueToTree(c.variables()));
            assertEquals(after, passedCount(), c.name() + ": an operation with a root field of the gateway is shaped");
            if (c.passed()) {
                assertEquals(1.0, after - before, c.name() + ": passed through");
                passedThrough++;
                assertFalse(direct.path("data").isNull(), c.name() + ": " + direct);
            }
            assertTrue(direct.has("data"), c.name() + ": " + direct);
            assertEquals(comparable(shaped, true), comparable(direct, false), c.name());
        }
        assertEquals(6, passedThrough);
    }

    /** The operation with {@code __typename} first at its root (the corpus has no brace before the selection). */
    private static String withRootTypename(String query) {
        int brace = query.indexOf('{');
        return query.substring(0, brace + 1) + " __typename " + query.substring(brace + 1);
    }

    /** The answer's text without its error ids, and without the root {@code __typename} of the shaped one. */
    private static String comparable(JsonNode answer, boolean shaped) {
        ObjectNode copy = answer.deepCopy();
        if (shaped && copy.path("data").isObject()) {
            String root = copy.at("/data/__typename").asText();
            assertTrue(root.equals("Query") || root.equals("Mutation"), root);
            ((ObjectNode) copy.get("data")).remove("__typename");
        }
        for (JsonNode error : copy.path("errors")) {
            if (error.path("extensions") instanceof ObjectNode extensions) {
                assertTrue(extensions.hasNonNull("errorId"), "every error has its id: " + error);
                extensions.remove("errorId");
            }
        }
        return copy.toString();
    }

    private static double passedCount() {
        String metrics = Suite.gateway().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = PASSED.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
