package fr.wastetrace.bsd.workflow;

import fr.wastetrace.testing.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders every workflow into docs/workflows/<type>/: one page each, every step shown, no stale page left. */
class WorkflowDocsTest {

    @Test
    void everyWorkflowHasItsPageWithEveryStep() throws IOException {
        List<Path> pages = WorkflowDocs.renderAll();
        List<Workflow> workflows = new java.util.ArrayList<>();
        WorkflowActors.TYPES.forEach(type -> workflows.addAll(Workflow.all(WorkflowActors.DIRECTORY.resolve(type))));
        assertEquals(workflows.size(), pages.size());
        for (int i = 0; i < workflows.size(); i++) {
            String page = Files.readString(pages.get(i));
            assertTrue(page.startsWith("# " + workflows.get(i).id() + " — "), pages.get(i).toString());
            assertTrue(page.contains("### " + workflows.get(i).steps().size() + ". "), "last step rendered");
        }
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WorkflowDocs.OUTPUT)) {
            files.filter(p -> p.getFileName().toString().matches("S\\d+.*\\.md"))
                    .map(p -> WorkflowDocs.OUTPUT.relativize(p).toString()).forEach(onDisk::add);
        }
        Set<String> expected = new TreeSet<>();
        pages.forEach(p -> expected.add(WorkflowDocs.OUTPUT.relativize(p).toString()));
        assertEquals(expected, onDisk, "docs/workflows holds a page for a workflow that no longer exists");
    }
}
