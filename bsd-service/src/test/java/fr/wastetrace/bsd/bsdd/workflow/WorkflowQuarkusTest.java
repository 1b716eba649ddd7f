package fr.wastetrace.bsd.bsdd.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every documented workflow ({@code src/test/resources/workflows/S*.yaml}) against the real subgraph, after
 * publishing the actors' companies and memberships as company-service's events on the real topic.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class WorkflowQuarkusTest {
    private static final Duration UNTIL_PATIENCE = Duration.ofSeconds(60);

    @Inject
    CompanyDirectory directory;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "wastetrace.company-events.topic")
    String companyTopic;

    @TestFactory
    List<DynamicNode> workflows() {
        WorkflowActors.ensurePublished(directory, bootstrap, companyTopic);
        List<DynamicNode> nodes = new ArrayList<>();
        for (Workflow workflow : Workflow.all()) {
            nodes.add(DynamicContainer.dynamicContainer(workflow.id() + " " + workflow.title(),
                    List.of(DynamicTest.dynamicTest("all steps", () -> run(workflow)))));
        }
        return nodes;
    }

    private void run(Workflow workflow) {
        Map<String, JsonNode> values = new HashMap<>(WorkflowActors.values());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        values.put("now", new TextNode(now.toString()));
        values.put("today", new TextNode(now.toString().substring(0, 10).replace("-", "")));
        workflow.addFixtures(values);
        int number = 0;
        for (Workflow.Step step : workflow.steps()) {
            number++;
            JsonNode variables = Workflow.substitute(step.variables().isMissingNode() ? EventCodec.mapper().createObjectNode()
                    : step.variables(), values);
            Instant deadline = Instant.now().plus(UNTIL_PATIENCE);
            String failure;
            JsonNode response;
            do {
                response = WorkflowActors.call(step.caller(), step.operation(), variables);
                failure = check(step, response, values);
                if (failure != null && step.until() && Instant.now().isBefore(deadline)) {
                    pause();
                }
            } while (failure != null && step.until() && Instant.now().isBefore(deadline));
            if (failure != null) {
                fail(workflow.id() + " step " + number + " (" + step.description() + "): " + failure + "\nresponse: "
                        + response);
            }
            for (Map.Entry<String, String> save : step.save().entrySet()) {
                JsonNode value = Workflow.at(response, save.getValue());
                if (value == null || value.isNull()) {
                    fail(workflow.id() + " step " + number + ": nothing to save at " + save.getValue() + "\nresponse: "
                            + response);
                }
                values.put(save.getKey(), value);
            }
        }
    }

    private static String check(Workflow.Step step, JsonNode response, Map<String, JsonNode> values) {
        for (Map.Entry<String, JsonNode> e : step.expect().entrySet()) {
            JsonNode actual = Workflow.at(response, e.getKey());
            JsonNode expected = Workflow.substitute(e.getValue(), values);
            if (!matches(expected, actual)) {
                return e.getKey() + ": expected " + expected + " but was " + actual;
            }
        }
        if (!step.expect().keySet().stream().anyMatch(k -> k.startsWith("errors")) && response.hasNonNull("errors")) {
            return "unexpected errors";
        }
        return null;
    }

    /**
     * An expected value: a literal, {@code null}, {@code "*"} (present), {@code "~regex"} (found in the value) or
     * {@code "!~regex"} (not found in the value, as JSON text).
     */
    private static boolean matches(JsonNode expected, JsonNode actual) {
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
        return expected.equals(actual);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
