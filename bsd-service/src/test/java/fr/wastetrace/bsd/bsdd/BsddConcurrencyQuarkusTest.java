package fr.wastetrace.bsd.bsdd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsdd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.bsdd.workflow.WorkflowActors;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Concurrent calls on one BSDD: of several transitions from the same status, exactly one succeeds. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class BsddConcurrencyQuarkusTest extends ActsAsWorkflowActors {
    private static final int CALLERS = 4;


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
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
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
