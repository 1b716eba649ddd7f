package fr.wastetrace.bsd.operations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the processor in javac ({@code -proc:only}: the generated class is written, not compiled, so the sample type
 * needs none of bsd-service's core) on a small sample type, and reads what it wrote.
 */
class BsdOperationsProcessorTest {
    @TempDir
    Path dir;

    private static final String SERVICE = """
            package sample;
            public class WidgetService {
                public model.Widget create(Object caller, WidgetInput input, boolean draft) { return null; }
                public model.Widget update(Object caller, String id, WidgetInput input) { return null; }
                public model.Widget publish(Object caller, String id) { return null; }
                public model.Widget sign(Object caller, String id, WidgetSignatureInput input) { return null; }
                public model.Widget duplicate(Object caller, String id) { return null; }
                %s
                public static final Side<model.Widget, model.Widget.Transporter> TRANSPORTERS = null;
            }
            """;

    private Map<String, String> sample(String deleteMethod) {
        return Map.of(
                "model/Widget.java", """
                        package model;
                        public class Widget { public String id; public long version;
                            public static class Transporter {} public static class Connection {}
                            public static class Metadata { public String widgetId; } }
                        """,
                "sample/WidgetInput.java", "package sample; public class WidgetInput { public static class Transporter {} }",
                "sample/WidgetSignatureInput.java", "package sample; public class WidgetSignatureInput {}",
                "sample/WidgetWhere.java", "package sample; public class WidgetWhere {}",
                "sample/Side.java", "package sample; public record Side<D, T>() {}",
                "sample/WidgetService.java", SERVICE.formatted(deleteMethod),
                "sample/WidgetQueries.java", """
                        package sample;
                        public class WidgetQueries {
                            public model.Widget widget(Object caller, String id) { return null; }
                            public java.util.Optional<model.Widget> find(String id) { return null; }
                            public model.Widget.Connection widgets(Object caller, String after, Integer first,
                                    String before, Integer last, WidgetWhere where) { return null; }
                            public model.Widget.Metadata metadata(model.Widget widget) { return null; }
                        }
                        """,
                "sample/package-info.java", """
                        @BsdOperations(name = "Widget", label = "WIDGET", service = WidgetService.class,
                                queries = WidgetQueries.class,
                                transporterInput = WidgetInput.Transporter.class, create = "Crée un \\"WIDGET\\".", sign = "Signe.",
                                delete = "Supprime.")
                        package sample;
                        import fr.wastetrace.bsd.operations.BsdOperations;
                        """);
    }

    private record Run(boolean ok, List<String> errors, Path out) {
    }

    private Run run(Map<String, String> sources) throws IOException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-proc:only", "-s", out.toString(), "-classpath",
                    System.getProperty("java.class.path"),
                    "-processor", BsdOperationsProcessor.class.getName());
            javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            // javac still resolves the names of the written file, which refers to bsd-service's core: not here
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .filter(d -> d.getSource() == null || !d.getSource().getName().endsWith("Operations.java"))
                    .map(d -> d.getMessage(null)).toList();
            return new Run(errors.isEmpty(), errors, out);
        }
    }

    @Test
    void writesTheSharedOperationsWithTheTypesReadFromTheServices() throws IOException {
        Run run = run(sample("public model.Widget delete(Object caller, String id) { return null; }"));
        assertTrue(run.ok(), () -> "errors: " + run.errors());
        String source = Files.readString(run.out().resolve("sample/WidgetOperations.java"));

        List<String> operations = new ArrayList<>();
        Matcher m = Pattern.compile("@(?:Query|Mutation)\\(\"(\\w+)\"\\)").matcher(source);
        while (m.find()) {
            operations.add(m.group(1));
        }
        assertEquals(List.of("widget", "widgets", "widgetPdf", "createWidget", "createDraftWidget", "updateWidget",
                "publishWidget", "signWidget", "wastetraceSignWidgets", "duplicateWidget", "deleteWidget",
                "createWidgetTransporter", "updateWidgetTransporter", "deleteWidgetTransporter"), operations);
        assertTrue(source.contains("import model.Widget;"), source);
        assertTrue(source.contains("import model.Widget.Connection;"), source);
        assertTrue(source.contains("public @NonNull Connection widgets("), source);
        assertTrue(source.contains("@Name(\"where\") WidgetWhere where"), source);
        assertTrue(source.contains("@Name(\"input\") @NonNull WidgetSignatureInput input"), source);
        // two classes named Transporter: the first is imported, the second is written in full
        assertTrue(source.contains("import model.Widget.Transporter;"), source);
        assertFalse(source.contains("import sample.WidgetInput.Transporter;"), source);
        assertTrue(source.contains("@Name(\"input\") @NonNull sample.WidgetInput.Transporter input"), source);
        assertTrue(source.contains("@Description(\"Crée un \\\"WIDGET\\\".\")"), source);
        assertTrue(source.contains("Crée un brouillon à partir d'un WIDGET existant."), source);
        assertTrue(source.contains("pdfLinks.link(\"widget\", id, caller)"), source);
        assertTrue(source.contains("return transporters.create(WidgetService.TRANSPORTERS, input);"), source);
        assertFalse(source.contains("${"), source);
        assertFalse(source.contains("RevisionRequest"), "no revisions were declared");
    }

    @Test
    void aServiceWithoutAMethodOfTheTemplateFailsTheBuildNamingIt() throws IOException {
        Run run = run(sample(""));
        assertFalse(run.ok());
        assertEquals(1, run.errors().size(), run.errors()::toString);
        assertTrue(run.errors().get(0).contains("WidgetService needs a public method delete with 2 parameters"),
                run.errors()::toString);
    }
}
