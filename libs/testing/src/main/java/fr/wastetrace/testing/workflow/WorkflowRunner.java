package fr.wastetrace.testing.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a {@link Workflow} step by step: each step's operation is sent as its caller by a {@link Caller} (straight to a
 * subgraph with a test identity, or through the gateway with a real token), and the answer must match the step's
 * expectations. A failing step fails the run with the workflow id, the step number and the whole response.
 */
public final class WorkflowRunner {
    private static final Duration UNTIL_PATIENCE = Duration.ofSeconds(60);

    /** Sends one GraphQL operation as one of the workflow's users ({@code anonymous}: no user) and returns the body. */
    @FunctionalInterface
    public interface Caller {
        JsonNode call(String user, String operation, JsonNode variables);
    }

    private WorkflowRunner() {
    }

    /**
     * Runs every step of {@code workflow}; {@code initialValues} are the placeholders the workflow may use (the
     * actors' {@code P.siret} ...), to which {@code now} (and instants relative to it such as
     * {@code now-6d}), {@code today} and the fixtures are added. Returns the values at the end, those the steps saved
     * included.
     */
    public static Map<String, JsonNode> run(Workflow workflow, Caller caller, Map<String, JsonNode> initialValues) {
        Map<String, JsonNode> values = new HashMap<>(initialValues);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        values.put("now", new TextNode(now.toString()));
        values.put("today", new TextNode(now.toString().substring(0, 10).replace("-", "")));
        workflow.addFixtures(values);
        int number = 0;
        for (Workflow.Step step : workflow.steps()) {
            number++;
            JsonNode variables = Workflow.substitute(step.variables().isMissingNode()
                    ? Workflow.YAML.createObjectNode() : step.variables(), values);
            Instant deadline = Instant.now().plus(UNTIL_PATIENCE);
            String failure;
            JsonNode response;
            do {
                response = caller.call(step.caller(), step.operation(), variables);
                failure = check(step, response, values);
                if (failure != null && step.until() && Instant.now().isBefore(deadline)) {
                    pause();
                }
            } while (failure != null && step.until() && Instant.now().isBefore(deadline));
            if (failure != null) {
                throw new AssertionError(workflow.id() + " step " + number + " (" + step.description() + "): " + failure
                        + "\nresponse: " + response);
            }
            for (Map.Entry<String, String> save : step.save().entrySet()) {
                JsonNode value = Workflow.at(response, save.getValue());
                if (value == null || value.isNull()) {
                    throw new AssertionError(workflow.id() + " step " + number + ": nothing to save at "
                            + save.getValue() + "\nresponse: " + response);
                }
                values.put(save.getKey(), value);
            }
        }
        return values;
    }

    static String check(Workflow.Step step, JsonNode response, Map<String, JsonNode> values) {
        for (Map.Entry<String, JsonNode> e : step.expect().entrySet()) {
            JsonNode actual = Workflow.at(response, e.getKey());
            JsonNode expected = Workflow.substitute(e.getValue(), values);
            if (!matches(expected, actual)) {
                return e.getKey() + ": expected " + expected + " but was " + actual;
            }
        }
        if (step.expect().keySet().stream().noneMatch(k -> k.startsWith("errors")) && response.hasNonNull("errors")) {
            return "unexpected errors";
        }
        return null;
    }

    /**
     * An expected value: a literal, {@code null}, {@code "*"} (present), {@code "~regex"} (found in the value) or
     * {@code "!~regex"} (not found in the value, as JSON text); objects and lists match member by member (same keys,
     * same length), so that {@code 1} matches {@code 1.0} inside them too.
     */
    static boolean matches(JsonNode expected, JsonNode actual) {
        if (expected.isTextual() && expected.asText().startsWith("!~")) {
            return actual == null || !Pattern.compile(expected.asText().substring(2)).matcher(actual.toString()).find();
        }
        if (expected.isNull()) {
            return actual == null || actual.isNull();
        }
        if (actual == null || actual.isNull()) {
            return false;
        }
        if (expected.isTextual() && expected.asText().equals("*")) {
            return true;
        }
        if (expected.isTextual() && expected.asText().startsWith("~")) {
            return Pattern.compile(expected.asText().substring(1), Pattern.DOTALL).matcher(actual.asText()).find();
        }
        if (expected.isNumber() && actual.isNumber()) {
            return Math.abs(expected.asDouble() - actual.asDouble()) < 1e-9;
        }
        if (expected.isValueNode()) {
            return expected.asText().equals(actual.asText());
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!actual.has(field.getKey()) || !matches(field.getValue(), actual.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
