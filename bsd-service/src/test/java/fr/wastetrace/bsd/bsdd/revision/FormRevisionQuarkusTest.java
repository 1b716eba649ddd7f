package fr.wastetrace.bsd.bsdd.revision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KafkaEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Revision requests beyond the documented workflows S10b and S11: permissions, each validation rule, listing, events. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class FormRevisionQuarkusTest extends ActsAsWorkflowActors {
    private static final String P = "10000000000040";
    private static final String T1 = "20000000000030";
    private static final String D = "30000000000020";
    private static final String X = "50000000000090";
    private static final String REQUEST = "mutation($i: CreateFormRevisionRequestInput!) { createFormRevisionRequest(input: $i) "
            + "{ id status approvals { approverSiret status } content { isCanceled trader { receipt } } form { id status } } }";
    private static final String ANSWER = "mutation($id: ID!, $ok: Boolean!) { submitFormRevisionRequestApproval(id: $id, "
            + "isApproved: $ok) { status approvals { approverSiret status } } }";
    private static final String WITHDRAW = "mutation($id: ID!) { cancelFormRevisionRequest(id: $id) }";
    private static final String LIST = "query($s: String!, $w: FormRevisionRequestWhere, $after: String, $first: Int) { "
            + "formRevisionRequests(siret: $s, where: $w, after: $after, first: $first) { totalCount "
            + "pageInfo { startCursor endCursor hasNextPage hasPreviousPage } edges { cursor node { id status } } } }";

    @ConfigProperty(name = "wastetrace.outbox.relay.topic")
    String bsdTopic;

    // ---- helpers

    private static void error(String code, String fragment, JsonNode response) {
        assertEquals(code, response.at("/errors/0/extensions/code").asText(), response.toString());
        assertTrue(response.at("/errors/0/message").asText().contains(fragment), response.toString());
    }

    private static String now() {
        return Instant.now().toString();
    }

    private static String create(String user, ObjectNode input) {
        return ok(gql(user, "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }", "i", input))
                .at("/createForm/id").asText();
    }

    private static void seal(String user, String id) {
        ok(gql(user, "mutation($id: ID!) { markAsSealed(id: $id) { status } }", "id", id));
    }

    private static void signEmission(String user, String id) {
        ok(gql(user, "mutation($id: ID!, $i: SignEmissionFormInput!) { signEmissionForm(id: $id, input: $i) { status } }",
                "id", id, "i", Map.of("quantity", 1, "emittedAt", now(), "emittedBy", "Isabelle G.")));
    }

    private static void transport(String id) {
        ok(gql("T1", "mutation($id: ID!, $i: SignTransportFormInput!) { signTransportForm(id: $id, input: $i) { status } }",
                "id", id, "i", Map.of("takenOverAt", now(), "takenOverBy", "Thomas", "transporterNumberPlate", "AA-123-BB",
                        "transporterTransportMode", "ROAD")));
    }

    private static void receive(String id) {
        ok(gql("D", "mutation($id: ID!, $i: ReceivedFormInput!) { markAsReceived(id: $id, receivedInfo: $i) { status } }",
                "id", id, "i", Map.of("wasteAcceptationStatus", "ACCEPTED", "receivedBy", "Denis", "receivedAt", now(),
                        "signedAt", now(), "quantityReceived", 1, "quantityRefused", 0)));
    }

    /** A BSDD from P to D taken over by T1. */
    private static String sent() {
        String id = create("P", (ObjectNode) WorkflowActors.directRouteForm());
        seal("P", id);
        signEmission("P", id);
        transport(id);
        return id;
    }

    /** A BSDD from P to D, received (1 t accepted) and processed with D 10. */
    private static String processed() {
        String id = sent();
        receive(id);
        ok(gql("D", "mutation($id: ID!, $i: ProcessedFormInput!) { markAsProcessed(id: $id, processedInfo: $i) { status } }",
                "id", id, "i", Map.of("processingOperationDone", "D 10", "destinationOperationMode", "ELIMINATION",
                        "processedBy", "Denis", "processedAt", now())));
        return id;
    }

    private static ObjectNode request(String formId, String author, Object content) {
        ObjectNode input = EventCodec.mapper().createObjectNode().put("formId", formId).put("authoringCompanySiret", author)
                .put("comment", "Correction");
        input.set("content", EventCodec.mapper().valueToTree(content));
        return input;
    }

    private static JsonNode ask(String user, String formId, String author, Object content) {
        return gql(user, REQUEST, "i", request(formId, author, content));
    }

    private static String askOk(String user, String formId, String author, Object content) {
        return ok(ask(user, formId, author, content)).at("/createFormRevisionRequest/id").asText();
    }

    private static JsonNode status(String user, String formId) {
        return ok(gql(user, "query($id: ID!) { form(id: $id) { status quantityReceived wasteDetails { name } } }",
                "id", formId)).get("form");
    }

    // ---- tests

    @Test
    void onlyTheEmitterDestinationOrEcoOrganismeAskAndOnlyForTheirOwnCompany() {
        String id = sent();
        Map<String, Object> rename = Map.of("wasteDetails", Map.of("name", "Boues de forage"));
        error("UNAUTHENTICATED", "", ask("anonymous", id, P, rename));
        error("FORBIDDEN", "autorisé à accéder", ask("X", id, X, rename));
        error("FORBIDDEN", "émetteur, la destination et l'éco-organisme", ask("T1", id, T1, rename));
        error("FORBIDDEN", "émetteur, la destination et l'éco-organisme", ask("Preader", id, P, rename));
        error("FORBIDDEN", "en son nom", ask("P", id, D, rename));
        error("BAD_USER_INPUT", "ne peut pas être l'auteur", ask("PD", id, T1, rename));
        assertEquals("PENDING", ok(ask("PD", id, D, rename)).at("/createFormRevisionRequest/status").asText());
    }

    @Test
    void draftsAndSealedBsddsAreEditedNotRevised() {
        String id = create("P", (ObjectNode) WorkflowActors.directRouteForm());
        Map<String, Object> rename = Map.of("wasteDetails", Map.of("name", "Boues de forage"));
        error("FORBIDDEN", "updateForm", ask("P", id, P, rename));
        seal("P", id);
        error("FORBIDDEN", "updateForm", ask("P", id, P, rename));
    }

    @Test
    void onlyTheAwaitedCompaniesAnswerOnceAndOnlyTheAuthorWithdrawsAPendingRequest() {
        String id = sent();
        String revision = askOk("P", id, P, Map.of("wasteDetails", Map.of("name", "Boues de forage")));
        error("FORBIDDEN", "répondre", gql("P", ANSWER, "id", revision, "ok", true));
        error("FORBIDDEN", "répondre", gql("X", ANSWER, "id", revision, "ok", true));
        error("BAD_USER_INPUT", "introuvable", gql("D", ANSWER, "id", "c-no-such-revision", "ok", true));
        error("FORBIDDEN", "pas l'auteur", gql("D", WITHDRAW, "id", revision));
        JsonNode accepted = ok(gql("D", ANSWER, "id", revision, "ok", true)).get("submitFormRevisionRequestApproval");
        assertEquals("ACCEPTED", accepted.get("status").asText());
        assertEquals("Boues de forage", status("P", id).at("/wasteDetails/name").asText());
        assertEquals("SENT", status("P", id).get("status").asText(), "a modification keeps the status");
        error("FORBIDDEN", "déjà été traitée", gql("D", ANSWER, "id", revision, "ok", true));
        error("FORBIDDEN", "déjà été traitée", gql("P", WITHDRAW, "id", revision));
        error("BAD_USER_INPUT", "introuvable", gql("P", WITHDRAW, "id", "c-no-such-revision"));
    }

    @Test
    void theRevisedValuesAreCheckedAndAllProblemsReportedAtOnce() {
        String id = processed();
        JsonNode both = ask("D", id, D, Map.of("wasteDetails", Map.of("code", "99 99 99"),
                "processingOperationDone", "R 1"));
        error("BAD_USER_INPUT", "99 99 99", both);
        assertTrue(both.at("/errors/0/message").asText().contains("R 1"), both.toString());
        error("BAD_USER_INPUT", "quantité refusée", ask("D", id, D, Map.of("quantityRefused", 0.5)));
        error("BAD_USER_INPUT", "wasteDetails.sampleNumber", ask("D", id, D,
                Map.of("wasteDetails", Map.of("sampleNumber", "E-1"))));
        error("BAD_USER_INPUT", "entreposage provisoire", ask("D", id, D,
                Map.of("temporaryStorageDetail", Map.of("destination", Map.of("cap", "CAP-2")))));
        error("BAD_USER_INPUT", "ne change rien", ask("D", id, D, Map.of("isCanceled", false)));
        ObjectNode trader = EventCodec.mapper().createObjectNode();
        trader.putObject("company").put("siret", X).put("name", "Entreprise X").put("address", "5 rue X")
                .put("contact", "Xavier").put("phone", "0102030405").put("mail", "x@wastetrace.test");
        error("BAD_USER_INPUT", "Négociant", ask("D", id, D, Map.of("trader", trader)));
        error("BAD_USER_INPUT", "Déchet : le code", ask("D", id, D, Map.of("wasteDetails", Map.of("code", "0605"))));
        assertEquals(1.0, status("P", id).get("quantityReceived").asDouble(), "nothing changed");
        assertEquals(0, ok(gql("D", LIST, "s", D, "w", Map.of("bsddId", Map.of("_eq", id)))).at("/formRevisionRequests/totalCount").asInt(),
                "no request was recorded");
    }

    @Test
    void aCompanyThatIsBothEmitterAndDestinationRevisesAtOnce() {
        ObjectNode input = (ObjectNode) WorkflowActors.directRouteForm();
        ((ObjectNode) input.get("emitter").get("company")).setAll((ObjectNode) input.get("recipient").get("company").deepCopy());
        String id = create("D", input);
        seal("D", id);
        signEmission("D", id);
        transport(id);
        JsonNode applied = ok(ask("D", id, D, Map.of("wasteDetails", Map.of("name", "Boues de forage"))))
                .get("createFormRevisionRequest");
        assertEquals("ACCEPTED", applied.get("status").asText());
        assertEquals(0, applied.get("approvals").size());
        assertEquals("Boues de forage", status("D", id).at("/wasteDetails/name").asText());
    }

    @Test
    void anApprovalThatCannotBeAppliedChangesNothing() {
        String id = sent();
        String revision = askOk("P", id, P, Map.of("isCanceled", true));
        receive(id);
        error("FORBIDDEN", "réceptionné", gql("D", ANSWER, "id", revision, "ok", true));
        assertEquals("ACCEPTED", status("P", id).get("status").asText());
        JsonNode listed = ok(gql("P", LIST, "s", P, "w", Map.of("bsddId", Map.of("_eq", id)))).get("formRevisionRequests");
        assertEquals("PENDING", listed.at("/edges/0/node/status").asText());
        JsonNode refused = ok(gql("D", ANSWER, "id", revision, "ok", false)).get("submitFormRevisionRequestApproval");
        assertEquals("REFUSED", refused.get("status").asText());
    }

    @Test
    void theAppliedRevisionIsPublishedAsTheBsddsNextVersion() {
        String id = processed();
        String revision = askOk("D", id, D, Map.of("quantityReceived", 0.9));
        ok(gql("P", ANSWER, "id", revision, "ok", true));
        List<EventEnvelope> events = KafkaEvents.consume(bootstrap, bsdTopic, id, 7, Duration.ofSeconds(60));
        assertEquals(7, events.size(), "create, seal, emission, transport, reception, processing, revision");
        EventEnvelope last = events.get(6);
        assertEquals(7L, last.version());
        assertEquals(0.9, last.payload().get("quantityReceived").asDouble(), "the request itself published nothing");
        assertEquals(0.9, last.payload().get("quantityAccepted").asDouble());
        assertEquals("PROCESSED", last.payload().get("status").asText());
    }

    @Test
    void theListShowsTheRequestsACompanyMadeOrMustAnswerPageByPage() {
        String[] forms = {sent(), sent(), sent()};
        String[] revisions = new String[3];
        for (int i = 0; i < 3; i++) {
            revisions[i] = askOk("P", forms[i], P, Map.of("isCanceled", true));
        }
        Map<String, Object> mine = Map.of("bsddId", Map.of("_in", List.of(forms)));
        JsonNode first = ok(gql("P", LIST, "s", P, "w", mine, "first", 2)).get("formRevisionRequests");
        assertEquals(3, first.get("totalCount").asInt());
        assertEquals(revisions[2], first.at("/edges/0/node/id").asText(), "newest first");
        assertEquals(revisions[1], first.at("/edges/1/cursor").asText());
        assertTrue(first.at("/pageInfo/hasNextPage").asBoolean());
        assertFalse(first.at("/pageInfo/hasPreviousPage").asBoolean());
        JsonNode next = ok(gql("P", LIST, "s", P, "w", mine, "first", 2, "after",
                first.at("/pageInfo/endCursor").asText())).get("formRevisionRequests");
        assertEquals(1, next.get("edges").size());
        assertEquals(revisions[0], next.at("/edges/0/node/id").asText());
        assertFalse(next.at("/pageInfo/hasNextPage").asBoolean());
        assertTrue(next.at("/pageInfo/hasPreviousPage").asBoolean());

        assertEquals(3, ok(gql("D", LIST, "s", D, "w", mine, "first", 500)).at("/formRevisionRequests/edges").size(),
                "the destination must answer them");
        assertEquals(0, ok(gql("T1", LIST, "s", T1, "w", mine)).at("/formRevisionRequests/totalCount").asInt());
        assertEquals(1, ok(gql("P", LIST, "s", P, "w", Map.of("bsddId", Map.of("_contains", forms[1].substring(3)))))
                .at("/formRevisionRequests/totalCount").asInt());
        ok(gql("D", ANSWER, "id", revisions[0], "ok", false));
        assertEquals(1, ok(gql("P", LIST, "s", P, "w", Map.of("bsddId", Map.of("_in", List.of(forms)),
                "status", "REFUSED"))).at("/formRevisionRequests/totalCount").asInt());
        error("FORBIDDEN", P, gql("X", LIST, "s", P));
        error("BAD_USER_INPUT", "after", gql("P", LIST, "s", P, "after", "c-no-such-revision"));
        error("BAD_USER_INPUT", "first", gql("P", LIST, "s", P, "first", -1));
    }
}
