package fr.wastetrace.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The chart under test: lints it and renders it with helm-java (the helm library, no helm binary). */
final class Chart {

    static final Path DIR = Path.of("wastetrace");
    static final Path SMALL_CLUSTER = Path.of("values-small-cluster.yaml");
    static final Path NATIONAL = Path.of("values-national.yaml");
    static final String RELEASE = "wt";
    /** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion); helm's own default is older. */
    static final String KUBE_VERSION = "1.25.0";

    private static final YAMLMapper YAML = new YAMLMapper();

    private Chart() {
    }

    static LintResult lint() {
        return new Helm(DIR).lint().strict().call();
    }

    /** Renders the chart with a values file and --set overrides; throws when helm refuses to render. */
    static Manifests render(Path valuesFile, Map<String, Object> overrides) {
        if (!Files.isRegularFile(valuesFile)) {
            throw new IllegalArgumentException("no values file " + valuesFile.toAbsolutePath());
        }
        TemplateCommand template = new Helm(DIR).template()
                .withName(RELEASE)
                .withNamespace("wastetrace")
                .withKubeVersion(KUBE_VERSION)
                .withValuesFile(valuesFile);
        overrides.forEach(template::set);
        return Manifests.parse(template.call());
    }

    static Manifests render(Path valuesFile) {
        return render(valuesFile, Map.of());
    }

    /** The rendered objects of one release. */
    record Manifests(List<JsonNode> objects) {

        static Manifests parse(String yaml) {
            List<JsonNode> objects = new ArrayList<>();
            try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    if (document != null && !document.isNull() && !document.isEmpty()) {
                        objects.add(document);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("rendered manifests are not YAML", e);
            }
            return new Manifests(List.copyOf(objects));
        }

        List<JsonNode> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        }

        /** Deployments and StatefulSets. */
        List<JsonNode> workloads() {
            return objects.stream()
                    .filter(o -> List.of("Deployment", "StatefulSet").contains(o.path("kind").asText()))
                    .toList();
        }

        JsonNode get(String kind, String name) {
            return ofKind(kind).stream()
                    .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + names()));
        }

        List<String> names() {
            return objects.stream()
                    .map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText())
                    .toList();
        }
    }

    static String component(JsonNode object) {
        return object.path("metadata").path("labels").path("app.kubernetes.io/component").asText();
    }

    /** The env entry of a container, or a missing node. */
    static JsonNode env(JsonNode container, String name) {
        for (JsonNode entry : container.path("env")) {
            if (Objects.equals(name, entry.path("name").asText())) {
                return entry;
            }
        }
        return MissingNode.getInstance();
    }
}
