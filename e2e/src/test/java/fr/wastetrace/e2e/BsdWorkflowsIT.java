package fr.wastetrace.e2e;

import fr.wastetrace.testing.Stack;
import fr.wastetrace.testing.workflow.Workflow;
import fr.wastetrace.testing.workflow.WorkflowRunner;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * The documented workflows of every BSD type of bsd-service ({@code bsd-service/src/test/resources/workflows/<type>}),
 * run through the gateway by real accounts (Keycloak sign-up, companies and roles in company-service, personal access
 * tokens) on the whole local suite: the same files bsd-service's own tests run against the subgraph alone.
 */
class BsdWorkflowsIT {
    private static final Path WORKFLOWS = Stack.root().resolve("bsd-service/src/test/resources/workflows");
    /** One folder of workflow files per BSD type; a type is added here when its folder exists. */
    private static final List<String> TYPES = List.of("bsdd", "bsvhu", "bsdasri", "bspaoh", "bsff", "bsds");

    @TestFactory
    List<DynamicNode> workflowsThroughTheGateway() {
        Suite.env();
        WorkflowAccounts accounts = WorkflowAccounts.create(WORKFLOWS);
        return TYPES.stream().<DynamicNode>map(type -> DynamicContainer.dynamicContainer(type,
                Workflow.all(WORKFLOWS.resolve(type)).stream().map(workflow ->
                        DynamicTest.dynamicTest(workflow.id() + " " + workflow.title(),
                                () -> WorkflowRunner.run(workflow, accounts::call, accounts.values()))))).toList();
    }
}
