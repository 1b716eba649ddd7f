package fr.wastetrace.bsd.bsdd.workflow;

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

/** Renders every workflow into docs/workflows/: one page each, every step shown, no stale page left. */
class WorkflowDocsTest {

    @Test
    void everyWorkflowHasItsPageWithEveryStep() throws IOException {
        List<Path> pages = WorkflowDocs.renderAll();
        List<Workflow> workflows = Workflow.all(WorkflowActors.DIRECTORY);
        assertEquals(workflows.size(), pages.size());
        for (int i = 0; i < workflows.size(); i++) {
            String page = Files.readString(pages.get(i));
            assertTrue(page.startsWith("# " + workflows.get(i).id() + " — "), pages.get(i).toString());
            assertTrue(page.contains("### " + workflows.get(i).steps().size() + ". "), "last step rendered");
        }
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.list(WorkflowDocs.OUTPUT)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.matches("S\\d+.*\\.md")).forEach(onDisk::add);
        }
        Set<String> expected = new TreeSet<>();
        pages.forEach(p -> expected.add(p.getFileName().toString()));
        assertEquals(expected, onDisk, "docs/workflows holds a page for a workflow that no longer exists");
    }
}
