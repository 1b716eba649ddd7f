package fr.wastetrace.company.tokens;

import fr.wastetrace.company.Api;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.wastetrace.company.Api.call;
import static fr.wastetrace.company.Api.ok;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #25 item 8: a personal access token's expiry and scope, as company-service checks, stores and applies them. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class ScopedAccessTokenQuarkusTest {
    private static final String CREATE = """
            mutation($input: CreateAccessTokenInput!) {
              createAccessToken(input: $input) { id token }
            }""";

    private static Map<String, Object> input(Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("description", "Jeton restreint");
        return Map.of("input", input);
    }

    private static void refused(Api.User user, Map<String, Object> fields, String field) {
        call(user, CREATE, input(fields))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString(field))
                .body("data", nullValue());
    }

    @Test
    void anExpiryMustBeInTheFutureAndWithinAYear() {
        Api.User user = Api.newUser();
        refused(user, Map.of("wastetraceExpiresAt", Instant.now().minusSeconds(60).toString()), "wastetraceExpiresAt");
        refused(user, Map.of("wastetraceExpiresAt", Instant.now().plus(400, ChronoUnit.DAYS).toString()), "wastetraceExpiresAt");
        assertEquals(0, ok(user, "{ accessTokens { id } }", Map.of()).getList("accessTokens").size(), "nothing was created");
    }

    @Test
    void aScopeNamesOnlyCompaniesOfTheCaller() {
        Api.User user = Api.newUser();
        Api.createCompany(user);
        String[] other = Api.createCompany(Api.newUser());
        refused(user, Map.of("wastetraceScope", Map.of("orgIds", List.of(other[1]))), "wastetraceScope.orgIds");
        refused(user, Map.of("wastetraceScope", Map.of("orgIds", List.of())), "wastetraceScope.orgIds");
    }

    @Test
    void aRestrictedTokenIsListedAndResolvedWithItsRestrictions() {
        Api.User user = Api.newUser();
        String[] mine = Api.createCompany(user);
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonPath created = ok(user, CREATE, input(Map.of("wastetraceExpiresAt", expiry.toString(),
                "wastetraceScope", Map.of("readOnly", true, "orgIds", List.of(mine[1])))));

        JsonPath listed = ok(user, "{ accessTokens { id wastetraceExpiresAt wastetraceScope { readOnly orgIds } } }", Map.of());
        assertEquals(created.getString("createAccessToken.id"), listed.getString("accessTokens[0].id"));
        assertEquals(expiry, Instant.parse(listed.getString("accessTokens[0].wastetraceExpiresAt")));
        assertEquals(true, listed.getBoolean("accessTokens[0].wastetraceScope.readOnly"));
        assertEquals(List.of(mine[1]), listed.getList("accessTokens[0].wastetraceScope.orgIds"));

        given().contentType("application/json").header(TestIdentity.HEADER, TestIdentity.anonymous())
                .body(Map.of("token", created.getString("createAccessToken.token")))
                .post("/internal/access-tokens/resolve").then().statusCode(200)
                .body("expiresAt", is(expiry.toString()))
                .body("readOnly", is(true))
                .body("orgIds", is(List.of(mine[1])));

        JsonPath unrestricted = ok(user, CREATE, input(Map.of()));
        given().contentType("application/json").header(TestIdentity.HEADER, TestIdentity.anonymous())
                .body(Map.of("token", unrestricted.getString("createAccessToken.token")))
                .post("/internal/access-tokens/resolve").then().statusCode(200)
                .body("expiresAt", nullValue())
                .body("readOnly", is(false))
                .body("orgIds", nullValue());
    }

    @Test
    void aCompanyScopedCallerActsOnlyForItsCompanies() {
        Api.User user = Api.newUser();
        String[] first = Api.createCompany(user);
        String[] second = Api.createCompany(user);
        String scoped = new IdentityCodec(TestIdentity.SECRET, Clock.systemUTC()).sign(new CallerIdentity(user.subject(),
                user.email(), user.name(), CallerIdentity.AuthType.ACCESS_TOKEN, "127.0.0.1", Instant.now().plusSeconds(60))
                .restricted(false, Set.of(first[1])), TestIdentity.AUDIENCE);

        call(scoped, "{ me { companies { siret } } }", Map.of()).body("data.me.companies.siret", is(List.of(first[1])));
        call(scoped, "{ myCompanies { edges { node { siret } } } }", Map.of())
                .body("data.myCompanies.edges.node.siret", is(List.of(first[1])));
        call(scoped, "mutation($id: String!) { updateCompany(id: $id, givenName: \"Nom\") { id } }", Map.of("id", second[0]))
                .body("errors[0].extensions.code", is("FORBIDDEN"));
        call(scoped, "mutation($id: String!) { updateCompany(id: $id, givenName: \"Nom\") { id } }", Map.of("id", first[0]))
                .body("errors", nullValue());

        // the export of one's companies lists only those of the scope, whoever redeems its link
        String token = call(scoped, "{ myCompaniesCsv { token } }", Map.of()).extract().path("data.myCompaniesCsv.token");
        String csv = given().header(TestIdentity.HEADER, TestIdentity.anonymous()).queryParam("token", token)
                .get("/download").then().statusCode(200).extract().asString();
        assertEquals(2, csv.split("\r\n").length, csv);
        assertTrue(csv.contains(first[1]) && !csv.contains(second[1]), csv);
        String all = given().header(TestIdentity.HEADER, TestIdentity.anonymous()).queryParam("token",
                ok(user, "{ myCompaniesCsv { token } }", Map.of()).getString("myCompaniesCsv.token")).get("/download")
                .then().statusCode(200).extract().asString();
        assertEquals(3, all.split("\r\n").length, "an unscoped caller's export lists both: " + all);

        // a receipt the second company uses is out of the token's reach, as the company is
        String receipt = ok(user, "mutation { createTraderReceipt(input: {receiptNumber: \"N-1\", validityLimit: "
                + "\"2030-06-30T00:00:00Z\", department: \"69\"}) { id } }", Map.of()).getString("createTraderReceipt.id");
        ok(user, "mutation($id: String!, $r: String!) { updateCompany(id: $id, companyTypes: [TRADER], traderReceiptId: "
                + "$r) { id } }", Map.of("id", second[0], "r", receipt));
        String update = "mutation($r: ID!) { updateTraderReceipt(input: {id: $r, receiptNumber: \"N-2\"}) { id } }";
        call(scoped, update, Map.of("r", receipt)).body("errors[0].extensions.code", is("FORBIDDEN"));
        ok(user, update, Map.of("r", receipt));
    }
}
