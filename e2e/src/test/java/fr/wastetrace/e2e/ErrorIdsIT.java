package fr.wastetrace.e2e;

import fr.wastetrace.testing.KeycloakTokens;
import fr.wastetrace.testing.Stack;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #25 item 6: every error carries an {@code errorId} that support finds in the log of the service that produced
 * it (with the request's context), and its message is French by default, English on {@code Accept-Language: en}.
 */
class ErrorIdsIT {
    private static final String PRODUCER = "producteur@wastetrace.local";
    /** A company the demo producer is not a member of: creating a BSD for it is refused. */
    private static final String OTHER_SIRET = "91000000500009";

    private static JsonPath ask(String token, String language, String operationName, String query) {
        var request = Suite.gateway(token);
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.body(Map.of("query", query, "operationName", operationName)).post("/").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The error of {@code query} in French then in English: the same code, each with its own id logged by {@code service}. */
    private static void quotable(String service, String operationName, String query, String code, String french,
                                 String english) {
        String token = KeycloakTokens.passwordGrant(PRODUCER, "Demo-Producteur-1");
        JsonPath inFrench = ask(token, null, operationName, query);
        assertEquals(code, inFrench.getString("errors[0].extensions.code"), inFrench.prettify());
        assertTrue(inFrench.getString("errors[0].message").startsWith(french), inFrench.prettify());
        JsonPath inEnglish = ask(token, "fr;q=0.4, en-GB;q=0.9", operationName, query);
        assertEquals(code, inEnglish.getString("errors[0].extensions.code"), inEnglish.prettify());
        assertTrue(inEnglish.getString("errors[0].message").startsWith(english), inEnglish.prettify());

        String id = inEnglish.getString("errors[0].extensions.errorId");
        assertTrue(id.matches("[0-9a-z]{12}"), id);
        assertTrue(!id.equals(inFrench.getString("errors[0].extensions.errorId")), "each error has its own id");
        String line = awaitLogLine(service, id);
        assertTrue(line.contains("code=" + code) && line.contains("operation=" + operationName)
                && line.matches(".*caller=[0-9a-f-]{36}.*") && line.contains("trace=") && line.contains(french), line);
    }

    /** The line of the service's log (deploy/local writes it under .run/logs) that quotes the error id. */
    private static String awaitLogLine(String service, String errorId) {
        Path log = Stack.root().resolve(".run/logs/" + service + ".log");
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (line.contains("error " + errorId + ":")) {
                        return line;
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("cannot read " + log, e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("error id " + errorId + " not in " + log);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aBsddMutationsErrorIsQuotable() {
        Suite.env();
        quotable("bsd-service", "CreateForOthers", "mutation CreateForOthers { createForm(createFormInput: {emitter: "
                        + "{company: {siret: \"" + OTHER_SIRET + "\"}}}) { id } }", "FORBIDDEN",
                "Vous ne pouvez créer un bordereau que si", "You can create a form only if");
    }

    @Test
    void aBsvhuErrorIsQuotable() {
        Suite.env();
        quotable("bsd-service", "UnknownVhu", "query UnknownVhu { bsvhu(id: \"VHU-inconnu\") { id } }", "BAD_USER_INPUT",
                "Le bordereau avec l'identifiant \"VHU-inconnu\" n'existe pas.",
                "The form with the id \"VHU-inconnu\" does not exist.");
    }

    @Test
    void aCompanyServiceErrorIsQuotable() {
        Suite.env();
        quotable("company-service", "BadSiret", "query BadSiret { companyInfos(siret: \"123\") { name } }", "BAD_USER_INPUT",
                "« 123 » n'est ni un SIRET", "“123” is neither a SIRET");
    }

    @Test
    void theGatewaysOwnErrorsAreQuotableToo() {
        Suite.env();
        JsonPath answer = Suite.gateway().header("Accept-Language", "en-US").queryParam("query", "mutation { revokeAllAccessTokens { id } }")
                .get("/").then().statusCode(405).extract().jsonPath();
        assertEquals("Mutations are sent by POST.", answer.getString("errors[0].message"), answer.prettify());
        String line = awaitLogLine("gateway", answer.getString("errors[0].extensions.errorId"));
        assertTrue(line.contains("code=BAD_USER_INPUT") && line.contains("caller=anonymous"), line);
    }
}
