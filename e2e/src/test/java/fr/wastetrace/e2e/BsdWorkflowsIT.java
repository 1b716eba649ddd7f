package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.Stack;
import fr.wastetrace.testing.workflow.Workflow;
import fr.wastetrace.testing.workflow.WorkflowRunner;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented workflows of every BSD type of bsd-service ({@code bsd-service/src/test/resources/workflows/<type>}),
 * run through the gateway by real accounts (Keycloak sign-up, companies and roles in company-service, personal access
 * tokens) on the whole local suite: the same files bsd-service's own tests run against the subgraph alone.
 */
class BsdWorkflowsIT {
    private static final Path WORKFLOWS = Stack.root().resolve("bsd-service/src/test/resources/workflows");
    /** One folder of workflow files per BSD type; a type is added here when its folder exists. */
    private static final List<String> TYPES = List.of("bsdd", "bsvhu", "bsdasri", "bspaoh", "bsda", "bsff", "bsds");

    /**
     * A type's direct route (a workflow that takes one BSD, saved as {@code id}, to its processing) and the actors of
     * its emitter, transporter and destination, for the register check. BSDD and BSVHU are checked by RegistersIT.
     */
    private record DirectRoute(String type, String file, String emitter, String transporter, String destination) {
    }

    private static final List<DirectRoute> DIRECT_ROUTES = List.of(
            new DirectRoute("bsdasri", "S01-acheminement-direct.yaml", "DASRI_P", "DASRI_T", "DASRI_D"),
            new DirectRoute("bspaoh", "S01-acheminement-direct.yaml", "PAOH_H", "PAOH_T", "PAOH_CR"),
            new DirectRoute("bsda", "S01-collecte-chantier.yaml", "BSDA_MO", "BSDA_T", "BSDA_D"),
            new DirectRoute("bsff", "S01-collecte-par-operateur.yaml", "BSFF_OP", "BSFF_T", "BSFF_D"));
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static WorkflowAccounts accounts;

    private static synchronized WorkflowAccounts accounts() {
        if (accounts == null) {
            Suite.env();
            accounts = WorkflowAccounts.create(WORKFLOWS);
        }
        return accounts;
    }

    @TestFactory
    List<DynamicNode> workflowsThroughTheGateway() {
        WorkflowAccounts accounts = accounts();
        return TYPES.stream().<DynamicNode>map(type -> DynamicContainer.dynamicContainer(type,
                Workflow.all(WORKFLOWS.resolve(type)).stream().map(workflow ->
                        DynamicTest.dynamicTest(workflow.id() + " " + workflow.title(),
                                () -> WorkflowRunner.run(workflow, accounts::call, accounts.values()))))).toList();
    }

    /** After its direct route, the BSD is in its emitter's, transporter's and destination's registers. */
    @TestFactory
    List<DynamicNode> aProcessedBsdOfEachTypeIsInTheRegistersOfItsCompanies() {
        WorkflowAccounts accounts = accounts();
        return DIRECT_ROUTES.stream().<DynamicNode>map(route -> DynamicTest.dynamicTest(route.type(), () -> {
            Map<String, JsonNode> values = WorkflowRunner.run(Workflow.read(WORKFLOWS.resolve(route.type())
                    .resolve(route.file())), accounts::call, accounts.values());
            String id = values.get("id").asText();
            Instant committed = Instant.now();
            awaitLine(accounts, route.destination(), "incomingWastes", id);
            awaitLine(accounts, route.emitter(), "outgoingWastes", id);
            awaitLine(accounts, route.transporter(), "transportedWastes", id);
            for (String company : List.of(route.emitter(), route.transporter(), route.destination())) {
                awaitLine(accounts, company, "allWastes", id);
            }
            System.out.printf("BsdWorkflowsIT: %s %s in the 6 registers %d ms after its last commit was "
                    + "acknowledged%n", route.type(), id, Duration.between(committed, Instant.now()).toMillis());
        })).toList();
    }

    private static void awaitLine(WorkflowAccounts accounts, String company, String register, String id)
            throws InterruptedException {
        String query = "query($s: [String!]!, $where: WasteRegistryWhere) { r: " + register
                + "(sirets: $s, where: $where) { edges { node { id } } } }";
        JsonNode variables = EventCodec.mapper().valueToTree(Map.of(
                "s", List.of(accounts.values().get(company + ".siret").asText()),
                "where", Map.of("id", Map.of("_eq", id))));
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            JsonNode answer = accounts.call(company, query, variables);
            assertTrue(answer.path("errors").isMissingNode(), () -> register + " of " + company + ": " + answer);
            for (JsonNode edge : answer.at("/data/r/edges")) {
                if (id.equals(edge.at("/node/id").asText())) {
                    return;
                }
            }
            assertFalse(Instant.now().isAfter(deadline), id + " never reached " + company + "'s " + register);
            Thread.sleep(50);
        }
    }
}
