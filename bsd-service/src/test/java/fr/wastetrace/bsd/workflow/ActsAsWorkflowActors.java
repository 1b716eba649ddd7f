package fr.wastetrace.bsd.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.workflow.Workflow;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Base of the Quarkus tests that call the service as the workflow actors ({@code actors.yaml}): before each test,
 * their companies are published to the service (once per run, see {@link WorkflowActors#ensurePublished}).
 */
public abstract class ActsAsWorkflowActors {
    @Inject
    protected CompanyDirectory directory;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrap;
    @ConfigProperty(name = "wastetrace.company-events.topic")
    protected String companyTopic;

    @BeforeEach
    void publishWorkflowActors() {
        WorkflowActors.ensurePublished(directory, bootstrap, companyTopic);
    }

    /** Calls the service as {@code user} with variables given as name, value, name, value… */
    protected static JsonNode gql(String user, String query, Object... nameValues) {
        ObjectNode variables = EventCodec.mapper().createObjectNode();
        for (int i = 0; i < nameValues.length; i += 2) {
            variables.set((String) nameValues[i], EventCodec.mapper().valueToTree(nameValues[i + 1]));
        }
        return WorkflowActors.call(user, query, variables);
    }

    /** The fixture {@code name} of the workflow file {@code workflow} (below {@code workflows/}), actors resolved. */
    protected static ObjectNode fixture(String workflow, String name) {
        Map<String, JsonNode> values = new HashMap<>(WorkflowActors.values());
        Workflow.read(WorkflowActors.DIRECTORY.resolve(workflow)).addFixtures(values);
        return values.get("fixture." + name).deepCopy();
    }

    /** The answer's data, after checking that it has no error. */
    protected static JsonNode ok(JsonNode response) {
        assertFalse(response.hasNonNull("errors"), response.toString());
        return response.get("data");
    }

    /** The code of the answer's first error. */
    protected static String code(JsonNode response) {
        return response.at("/errors/0/extensions/code").asText();
    }
}
