package fr.wastetrace.bsd.workflow;

import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.workflow.Workflow;
import fr.wastetrace.testing.workflow.WorkflowRunner;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every documented workflow ({@code src/test/resources/workflows/<type>/S*.yaml}, a folder per BSD type) against the real subgraph, after
 * publishing the actors' companies and memberships as company-service's events on the real topic. The e2e module
 * runs the same files through the gateway with real accounts.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class WorkflowQuarkusTest extends ActsAsWorkflowActors {

    @TestFactory
    List<DynamicNode> workflows() {
        List<DynamicNode> nodes = new ArrayList<>();
        // -Dworkflow=S7b (or VHU3) runs that workflow only (while writing one); every run of the build runs them all.
        String only = System.getProperty("workflow", "");
        for (String type : WorkflowActors.TYPES) {
            for (Workflow workflow : Workflow.all(WorkflowActors.DIRECTORY.resolve(type))) {
                if (!only.isBlank() && !workflow.id().equals(only)) {
                    continue;
                }
                nodes.add(DynamicContainer.dynamicContainer(type + " " + workflow.id() + " " + workflow.title(),
                        List.of(DynamicTest.dynamicTest("all steps",
                                () -> WorkflowRunner.run(workflow, WorkflowActors::call, WorkflowActors.values())))));
            }
        }
        return nodes;
    }
}
