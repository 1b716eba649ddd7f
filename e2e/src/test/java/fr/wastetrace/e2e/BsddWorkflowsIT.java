package fr.wastetrace.e2e;

import fr.wastetrace.testing.Stack;
import fr.wastetrace.testing.workflow.Workflow;
import fr.wastetrace.testing.workflow.WorkflowRunner;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * The documented BSDD workflows of bsd-service ({@code bsd-service/src/test/resources/workflows/bsdd}), run through the
 * gateway by real accounts (Keycloak sign-up, companies and roles in company-service, personal access tokens) on
 * the whole local suite: the same files bsd-service's own tests run against the subgraph alone.
 */
class BsddWorkflowsIT {
    private static final Path WORKFLOWS = Stack.root().resolve("bsd-service/src/test/resources/workflows");

    @TestFactory
    List<DynamicNode> workflowsThroughTheGateway() {
        Suite.env();
        WorkflowAccounts accounts = WorkflowAccounts.create(WORKFLOWS);
        return Workflow.all(WORKFLOWS.resolve("bsdd")).stream().<DynamicNode>map(workflow ->
                DynamicTest.dynamicTest(workflow.id() + " " + workflow.title(),
                        () -> WorkflowRunner.run(workflow, accounts::call, accounts.values()))).toList();
    }
}
