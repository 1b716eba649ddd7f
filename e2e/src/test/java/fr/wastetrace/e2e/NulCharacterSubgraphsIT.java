package fr.wastetrace.e2e;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.testing.Gql;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The character U+0000 (NUL), which no field accepts, is refused by each subgraph called directly (with a valid
 * gateway-signed identity), as the gateway refuses it: {@code BAD_USER_INPUT}, a French message naming the field,
 * never a 500 nor PostgreSQL's error. In a variable, in a string literal of the document, and in a GET's parameters.
 */
class NulCharacterSubgraphsIT {
    private static final IdentityCodec CODEC = new IdentityCodec(Suite.env().get("INTERNAL_IDENTITY_SECRET"), Clock.systemUTC());

    private static String header(String audience) {
        return CODEC.sign(new CallerIdentity("nul-check", "nul-check@wastetrace.test", "Nul", CallerIdentity.AuthType.JWT,
                "127.0.0.1", Instant.now().plusSeconds(60)), audience);
    }

    private static ValidatableResponse post(String variable, String audience, String query, Map<String, ?> variables) {
        return RestAssured.given().baseUri(Suite.env().get(variable)).contentType("application/json")
                .header(IdentityCodec.HEADER, header(audience)).body(Gql.body(query, variables)).post("/graphql").then();
    }

    private static void refused(ValidatableResponse response, String field) {
        response.statusCode(200)
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("« " + field + " »"))
                .body("errors[0].message", containsString("caractère nul (U+0000)"))
                .body("errors[0].message", not(containsString("invalid byte sequence")))
                .body("errors[0].message", not(containsString("Exception")));
    }

    @Test
    void eachSubgraphRefusesItInAVariable() {
        refused(post("BSD_SERVICE_URL", "bsd", "mutation($input: CreateFormInput!) { createForm(createFormInput: $input) { id } }",
                Map.of("input", Map.of("customId", "abc\u0000def"))), "$input.customId");
        refused(post("COMPANY_SERVICE_URL", "company", "query($s: String!) { companyInfos(siret: $s) { siret } }",
                Map.of("s", "1234\u00005678")), "$s");
        refused(post("REGISTRY_SERVICE_URL", "registry",
                "query($s: [String!]!) { incomingWastes(sirets: $s, first: 1) { totalCount } }",
                Map.of("s", List.of("91000000100008", "x\u0000"))), "$s[1]");
    }

    @Test
    void eachSubgraphRefusesItInAStringLiteral() {
        refused(post("BSD_SERVICE_URL", "bsd",
                "mutation { createForm(createFormInput: { wasteDetails: { name: \"a\\u0000b\" } }) { id } }", Map.of()),
                "createForm.createFormInput.wasteDetails.name");
        refused(post("COMPANY_SERVICE_URL", "company", "{ companyInfos(siret: \"\\u0000\") { siret } }", Map.of()),
                "companyInfos.siret");
        refused(post("REGISTRY_SERVICE_URL", "registry",
                "{ incomingWastes(sirets: [\"91000000100008\", \"\\u0000\"], first: 1) { totalCount } }", Map.of()),
                "incomingWastes.sirets[1]");
    }

    @Test
    void aGetIsRefusedTheSameWay() {
        refused(RestAssured.given().baseUri(Suite.env().get("COMPANY_SERVICE_URL"))
                .header(IdentityCodec.HEADER, header("company"))
                .queryParam("query", "query($s: String!) { companyInfos(siret: $s) { siret } }")
                .queryParam("variables", "{\"s\": \"12\\u000034\"}")
                .get("/graphql").then(), "$s");
    }

    @Test
    void requestsWithoutItAreServedAsBefore() {
        post("COMPANY_SERVICE_URL", "company", "{ ecoOrganismes { siret } }", Map.of()).statusCode(200)
                .body("errors", nullValue()).body("data.ecoOrganismes", notNullValue());
        // An escaped backslash followed by "u0000" is not the character: passed on to the service.
        post("COMPANY_SERVICE_URL", "company", "query($s: String!) { companyInfos(siret: $s) { siret } }",
                Map.of("s", "\\u0000")).statusCode(200)
                .body("errors.extensions.code", not(org.hamcrest.Matchers.hasItem("INTERNAL_SERVER_ERROR")))
                .body("errors[0].message", not(containsString("caractère nul")));
    }
}
