package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.Stack;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reference across services, resolved by the gateway: a BSDD's status log (bsd-service) names its author by id,
 * and the author's e-mail comes from company-service, fetched by key for all the log lines of a response in one
 * {@code _entities} call.
 */
class EntityJoinIT {
    private static final Pattern COMPANY_CALLS = Pattern.compile(
            "wastetrace_gateway_subgraph_requests_total\\{[^}]*outcome=\"answered\"[^}]*subgraph=\"company\"[^}]*} ([0-9.E]+)");

    @Test
    void statusLogAuthorsComeFromCompanyServiceInOneBatchedCall() {
        Suite.env();
        WorkflowAccounts accounts = WorkflowAccounts.create(Stack.root().resolve("e2e/src/test/resources/registers"));
        String siret = accounts.values().get("P.siret").asText();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> input = Map.of(
                    "emitter", Map.of("type", "PRODUCER", "company", Map.of("siret", siret, "name", "Producteur registres")),
                    "wasteDetails", Map.of("code", "06 05 02*"));
            JsonNode created = accounts.call("P", "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }",
                    EventCodec.mapper().valueToTree(Map.of("i", input)));
            assertTrue(created.path("errors").isMissingNode(), created::toString);
        }

        double before = companyCalls();
        JsonNode answer = accounts.call("P", "query($s: String) { formsLifeCycle(siret: $s) { count statusLogs { "
                + "status user { id email } } } }", EventCodec.mapper().valueToTree(Map.of("s", siret)));
        double after = companyCalls();

        assertTrue(answer.path("errors").isMissingNode(), answer::toString);
        JsonNode logs = answer.at("/data/formsLifeCycle/statusLogs");
        assertEquals(3, logs.size(), answer::toString);
        String email = accounts.values().get("P.email").asText();
        for (JsonNode log : logs) {
            assertEquals(email, log.at("/user/email").asText(), "the author's e-mail, from company-service");
        }
        assertEquals(1.0, after - before, "three log lines, one _entities call to company-service");
    }

    private static double companyCalls() {
        String metrics = Suite.gateway().get("/q/metrics").then().statusCode(200).extract().asString();
        double total = 0;
        Matcher matcher = COMPANY_CALLS.matcher(metrics);
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }
}
