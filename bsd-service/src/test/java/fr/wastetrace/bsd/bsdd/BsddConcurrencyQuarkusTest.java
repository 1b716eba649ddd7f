package fr.wastetrace.bsd.bsdd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.workflow.Workflow;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent calls: of several transitions of one BSDD from the same status, exactly one succeeds; changes to the
 * BSDDs of one dedicated round that race each other queue instead of deadlocking.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class BsddConcurrencyQuarkusTest extends ActsAsWorkflowActors {
    private static final int CALLERS = 4;
    /** Items of each dedicated round in the reception race. */
    private static final int ROUND_ITEMS = 8;


    @Test
    void onlyOneOfConcurrentEmissionSignaturesSucceeds() throws Exception {
        String id = createSealedForm();
        ObjectNode variables = EventCodec.mapper().createObjectNode().put("id", id);
        variables.putObject("input").put("quantity", 1).put("emittedAt", Instant.now().toString()).put("emittedBy", "P");
        List<JsonNode> responses = concurrently(() -> WorkflowActors.call("P",
                "mutation($id: ID!, $input: SignEmissionFormInput!) { signEmissionForm(id: $id, input: $input) { status } }",
                variables));

        long succeeded = responses.stream().filter(r -> !r.hasNonNull("errors")).count();
        assertEquals(1, succeeded, responses.toString());
        responses.stream().filter(r -> r.hasNonNull("errors")).forEach(r ->
                assertEquals("BAD_USER_INPUT", r.at("/errors/0/extensions/code").asText(), r.toString()));
        JsonNode logs = WorkflowActors.call("P", "query($f: ID) { formsLifeCycle(siret: \"10000000000040\", formId: $f) "
                + "{ statusLogs { status } } }", EventCodec.mapper().createObjectNode().put("f", id));
        long signed = 0;
        for (JsonNode log : logs.at("/data/formsLifeCycle/statusLogs")) {
            if ("SIGNED_BY_PRODUCER".equals(log.get("status").asText())) {
                signed++;
            }
        }
        assertEquals(1, signed, "one status log for the one signature that succeeded");
    }

    @Test
    void concurrentCreationsGetDistinctReadableIds() throws Exception {
        ObjectNode variables = EventCodec.mapper().createObjectNode();
        variables.set("input", WorkflowActors.directRouteForm());
        List<JsonNode> responses = concurrently(() -> WorkflowActors.call("P",
                "mutation($input: CreateFormInput!) { createForm(createFormInput: $input) { readableId } }", variables));
        HashSet<String> readableIds = new HashSet<>();
        responses.forEach(r -> readableIds.add(r.at("/data/createForm/readableId").asText()));
        assertEquals(CALLERS, readableIds.size(), responses.toString());
    }

    /**
     * The transporter signs the pick-up of the items of a dedicated round while the destination receives the
     * container: the item signatures lock the container before the item, as the reception does, so no call dies in a
     * deadlock; each item is either taken over before the reception (and follows the container) or removed with the
     * round's leftovers (and its signature is refused with a clear error).
     */
    @Test
    void itemPickUpsRacingTheContainersReceptionNeverDeadlock() throws Exception {
        String now = Instant.now().toString();
        Map<String, JsonNode> values = new HashMap<>(WorkflowActors.values());
        values.put("now", TextNode.valueOf(now));
        Workflow.read(WorkflowActors.DIRECTORY.resolve("bsdd/S11b-revisions-of-groupings.yaml")).addFixtures(values);
        for (int round = 0; round < 3; round++) {
            String container = call("C", "mutation($input: CreateFormInput!) { createForm(createFormInput: $input) { id } }",
                    object(o -> o.set("input", values.get("fixture.container")))).at("/data/createForm/id").asText();
            okAnswer(call("C", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", object(o -> o.put("id", container))));
            List<String> items = new ArrayList<>();
            ObjectNode grouping = object(o -> o.putObject("input").put("id", container).putArray("grouping"));
            for (int i = 0; i < ROUND_ITEMS; i++) {
                String item = call("C", "mutation($input: CreateFormInput!) { createForm(createFormInput: $input) { id } }",
                        object(o -> o.set("input", values.get("fixture.item")))).at("/data/createForm/id").asText();
                items.add(item);
                ((ArrayNode) grouping.at("/input/grouping")).addObject()
                        .putObject("form").put("id", item);
            }
            okAnswer(call("C", "mutation($input: UpdateFormInput!) { updateForm(updateFormInput: $input) { id } }", grouping));
            for (String item : items) {
                okAnswer(call("P", "mutation($id: ID!, $input: SignEmissionFormInput!) { signEmissionForm(id: $id, input: $input) "
                        + "{ status } }", object(o -> {
                            o.put("id", item);
                            o.putObject("input").put("quantity", 1).put("emittedAt", now).put("emittedBy", "P");
                        })));
            }
            String transport = "mutation($id: ID!, $input: SignTransportFormInput!) { signTransportForm(id: $id, "
                    + "input: $input) { status } }";
            ObjectNode takeOver = object(o -> o.putObject("input").put("takenOverAt", now).put("takenOverBy", "Claire")
                    .put("transporterNumberPlate", "AA-123-BB").put("transporterTransportMode", "ROAD"));
            okAnswer(call("C", transport, takeOver.deepCopy().put("id", items.get(0))));

            List<Callable<JsonNode>> calls = new ArrayList<>();
            for (String item : items.subList(1, items.size())) {
                calls.add(() -> call("C", transport, takeOver.deepCopy().put("id", item)));
            }
            calls.add(() -> call("D", "mutation($id: ID!, $info: ReceivedFormInput!) { markAsReceived(id: $id, "
                    + "receivedInfo: $info) { status } }", object(o -> {
                        o.put("id", container);
                        o.putObject("info").put("receivedBy", "Denis").put("receivedAt", now);
                    })));
            List<JsonNode> responses = concurrently(calls);
            for (JsonNode response : responses) {
                if (response.hasNonNull("errors")) {
                    String code = response.at("/errors/0/extensions/code").asText();
                    assertTrue(code.equals("BAD_USER_INPUT") || code.equals("FORBIDDEN"), response.toString());
                }
            }
            JsonNode reception = responses.get(responses.size() - 1);
            assertEquals("RECEIVED", reception.at("/data/markAsReceived/status").asText(), reception.toString());
            for (int i = 0; i < items.size(); i++) {
                String id = items.get(i);
                JsonNode read = call("C", "query($id: ID!) { form(id: $id) { status } }", object(o -> o.put("id", id)));
                boolean signed = i == 0 || !responses.get(i - 1).hasNonNull("errors");
                if (signed) {
                    assertEquals("RECEIVED", read.at("/data/form/status").asText(), "item " + i + ": " + read);
                } else {
                    assertTrue(read.hasNonNull("errors"), "item " + i + " not taken over is removed: " + read);
                }
            }
        }
    }

    private static JsonNode call(String user, String operation, JsonNode variables) {
        return WorkflowActors.call(user, operation, variables);
    }

    /** The whole answer (not only its data), after checking that it has no error. */
    private static JsonNode okAnswer(JsonNode response) {
        assertFalse(response.hasNonNull("errors"), response.toString());
        return response;
    }

    private static ObjectNode object(Consumer<ObjectNode> fill) {
        ObjectNode node = EventCodec.mapper().createObjectNode();
        fill.accept(node);
        return node;
    }

    private static String createSealedForm() {
        ObjectNode variables = EventCodec.mapper().createObjectNode();
        variables.set("input", WorkflowActors.directRouteForm());
        JsonNode created = WorkflowActors.call("P",
                "mutation($input: CreateFormInput!) { createForm(createFormInput: $input) { id } }", variables);
        String id = created.at("/data/createForm/id").asText();
        JsonNode sealed = WorkflowActors.call("P", "mutation($id: ID!) { markAsSealed(id: $id) { status } }",
                EventCodec.mapper().createObjectNode().put("id", id));
        assertEquals("SEALED", sealed.at("/data/markAsSealed/status").asText(), sealed.toString());
        return id;
    }

    /** Runs the call from several threads released at the same instant. */
    private static List<JsonNode> concurrently(Callable<JsonNode> call) throws Exception {
        List<Callable<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(call);
        }
        return concurrently(calls);
    }

    /** Runs the calls from one thread each, released at the same instant; the responses in the calls' order. */
    private static List<JsonNode> concurrently(List<Callable<JsonNode>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (Callable<JsonNode> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<JsonNode> responses = new ArrayList<>();
            for (Future<JsonNode> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
