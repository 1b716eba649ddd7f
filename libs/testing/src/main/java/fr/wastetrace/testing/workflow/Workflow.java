package fr.wastetrace.testing.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A documented lifecycle as data (a YAML file of a workflow directory, such as bsd-service's
 * {@code src/test/resources/workflows/}): who calls which operation with which variables, and what the API answers.
 * {@link WorkflowRunner} runs it, against a subgraph or through the gateway; bsd-service's {@code WorkflowDocs}
 * renders it into {@code docs/workflows/}.
 */
public record Workflow(String file, String id, String title, String description, JsonNode fixtures, List<Step> steps) {
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** {@code {$fixture: name, ...overrides}} stands for the named fixture, deep-merged with the overrides. */
    static final String FIXTURE = "$fixture";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");

    /**
     * @param until repeat the call until the expectations hold (for a lock that expires)
     */
    public record Step(String caller, String description, String operation, JsonNode variables, Map<String, JsonNode> expect,
                Map<String, String> save, boolean until) {
    }

    /** Every workflow ({@code S<number>...yaml}) of a directory, in file-name order. */
    public static List<Workflow> all(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches("S\\d+.*\\.yaml")).sorted()
                    .map(Workflow::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory's {@code actors.yaml}: the companies and users its workflows refer to. */
    public static JsonNode actors(Path directory) {
        try (InputStream in = Files.newInputStream(directory.resolve("actors.yaml"))) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Workflow read(Path path) {
        try {
            JsonNode root = YAML.readTree(path.toFile());
            List<Step> steps = new ArrayList<>();
            for (JsonNode s : root.get("steps")) {
                Map<String, JsonNode> expect = new LinkedHashMap<>();
                s.path("expect").fields().forEachRemaining(e -> expect.put(e.getKey(), e.getValue()));
                Map<String, String> save = new LinkedHashMap<>();
                s.path("save").fields().forEachRemaining(e -> save.put(e.getKey(), e.getValue().asText()));
                steps.add(new Step(s.get("caller").asText(), s.path("description").asText(), s.get("operation").asText(),
                        s.path("variables"), expect, save, s.path("until").asBoolean(false)));
            }
            return new Workflow(path.getFileName().toString(), root.get("id").asText(), root.get("title").asText(),
                    root.path("description").asText(), root.path("fixtures"), steps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read workflow " + path, e);
        }
    }

    /** Replaces {@code {{name}}} placeholders; a string that is exactly one placeholder takes the value's type. */
    public static JsonNode substitute(JsonNode node, Map<String, JsonNode> values) {
        if (node.isTextual()) {
            Matcher whole = PLACEHOLDER.matcher(node.asText());
            if (whole.matches()) {
                return value(whole.group(1), values);
            }
            Matcher m = PLACEHOLDER.matcher(node.asText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), values).asText()));
            }
            m.appendTail(out);
            return new TextNode(out.toString());
        }
        if (node.isObject() && node.has(FIXTURE)) {
            ObjectNode merged = value("fixture." + node.get(FIXTURE).asText(), values).deepCopy();
            ObjectNode overrides = ((ObjectNode) substitute(((ObjectNode) node.deepCopy()).without(FIXTURE), values));
            return merge(merged, overrides);
        }
        if (node.isObject()) {
            ObjectNode copy = YAML.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                copy.set(f.getKey(), substitute(f.getValue(), values));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = YAML.createArrayNode();
            node.forEach(item -> copy.add(substitute(item, values)));
            return copy;
        }
        return node;
    }

    /**
     * The beginning of this workflow, up to the step that saves {@code key} included: for a test that checks what
     * the workflow leaves at that point, or goes on its own way from there.
     */
    public Workflow untilSaved(String key) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).save().containsKey(key)) {
                return new Workflow(file, id, title, description, fixtures, List.copyOf(steps.subList(0, i + 1)));
            }
        }
        throw new IllegalArgumentException(id + ": no step saves " + key);
    }

    /** Values of {@code fixtures}, by name, each able to use the ones declared before it. */
    public void addFixtures(Map<String, JsonNode> values) {
        fixtures.fields().forEachRemaining(f -> values.put("fixture." + f.getKey(), substitute(f.getValue(), values)));
    }

    private static ObjectNode merge(ObjectNode base, ObjectNode overrides) {
        overrides.fields().forEachRemaining(f -> {
            if (f.getValue().isObject() && base.get(f.getKey()) instanceof ObjectNode nested) {
                merge(nested, (ObjectNode) f.getValue());
            } else {
                base.set(f.getKey(), f.getValue());
            }
        });
        return base;
    }

    /** {@code now-6d}, {@code now+2h}, {@code now-30m}: an instant relative to the run's {@code now}. */
    private static final Pattern RELATIVE_NOW = Pattern.compile("now([+-])(\\d+)([dhm])");

    private static JsonNode value(String name, Map<String, JsonNode> values) {
        JsonNode value = values.get(name.trim());
        Matcher relative = RELATIVE_NOW.matcher(name.trim());
        if (value == null && relative.matches() && values.get("now") != null) {
            Duration offset = switch (relative.group(3)) {
                case "d" -> Duration.ofDays(Long.parseLong(relative.group(2)));
                case "h" -> Duration.ofHours(Long.parseLong(relative.group(2)));
                default -> Duration.ofMinutes(Long.parseLong(relative.group(2)));
            };
            Instant now = Instant.parse(values.get("now").asText());
            value = new TextNode(
                    (relative.group(1).equals("-") ? now.minus(offset) : now.plus(offset)).toString());
        }
        if (value == null) {
            throw new IllegalArgumentException("unknown placeholder {{" + name + "}}");
        }
        return value;
    }

    /** The value at a path such as {@code data.form.transporters[0].takenOverAt}, or null. */
    public static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            Matcher indexed = Pattern.compile("^([^\\[]*)((?:\\[\\d+])*)$").matcher(part);
            if (!indexed.matches()) {
                return null;
            }
            if (!indexed.group(1).isEmpty()) {
                node = node == null ? null : node.get(indexed.group(1));
            }
            Matcher index = Pattern.compile("\\[(\\d+)]").matcher(indexed.group(2));
            while (index.find() && node != null) {
                node = node.get(Integer.parseInt(index.group(1)));
            }
        }
        return node;
    }
}
