package fr.wastetrace.gateway.http;

import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP surface of the gateway that does not depend on the subgraphs (those are covered end to end). */
@QuarkusTest
@WithTestResource(BackingServices.class)
class GatewayHttpQuarkusTest {

    @Test
    void browsersGetTheGraphQLUi() {
        given().accept("text/html").get("/").then().statusCode(200)
                .body(containsString("GraphiQL"))
                .header("X-RateLimit-Limit", notNullValue());
        given().accept("text/html").get("/graphql").then().statusCode(200).body(containsString("GraphiQL"));
    }

    @Test
    void theUiLoadsItsScriptsFromTheGatewayOnly() {
        String page = given().accept("text/html").get("/").then().statusCode(200).extract().asString();
        Matcher reference = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page);
        int assets = 0;
        while (reference.find()) {
            String url = reference.group(1);
            assertTrue(url.startsWith("/"), "the page refers to another host: " + url);
            if (url.startsWith("/graphiql/")) {
                given().get(url).then().statusCode(200).body(not(emptyString()));
                assets++;
            }
        }
        assertEquals(4, assets, "GraphiQL's stylesheet and its three scripts");
        given().get("/graphiql/graphiql.min.js").then().contentType(containsString("javascript"));
    }

    @Test
    void browsersFromAnAllowedOriginMayCallTheApi() {
        given().header("Origin", "https://app.example.test").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example.test")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        // No subgraph here: the request fails, and its answer still reaches the browser's script.
        given().header("Origin", "https://app.example.test").contentType("application/json")
                .body("query { nope").post("/graphql").then().statusCode(400)
                .header("Access-Control-Allow-Origin", "https://app.example.test")
                .header("Access-Control-Expose-Headers", containsString("X-RateLimit-Remaining"));
    }

    @Test
    void browsersFromAnotherOriginAreRefused() {
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .options("/").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedClearly() {
        given().contentType("application/json").body("query { nope").post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
    }

    @Test
    void moreThanFiveBatchedOperationsAreRefused() {
        String one = "{\"query\":\"{ __typename }\"}";
        String six = "[" + String.join(",", one, one, one, one, one, one) + "]";
        given().contentType("application/json").body(six).post("/").then().statusCode(400)
                .body("errors[0].extensions.code", is("GRAPHQL_MAX_OPERATIONS_ERROR"));
    }

    @Test
    void anOversizedDocumentGetsAGraphQLErrorWithoutInternals() {
        String huge = "{\"query\":\"{ " + "a ".repeat(600_000) + "}\"}";
        given().contentType("application/json").body(huge).post("/graphql").then().statusCode(413)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aDownloadWithoutTokenIs400AndAnUnroutableTokenIs403() {
        given().get("/download").then().statusCode(400).contentType(containsString("text/plain")).body(containsString("token"));
        given().queryParam("token", "").get("/download").then().statusCode(400);
        given().queryParam("token", "nosuchservice.abc").get("/download").then().statusCode(403)
                .contentType(containsString("text/plain")).body(containsString("demandez-en un nouveau"));
        given().queryParam("token", "no-prefix-at-all").get("/download").then().statusCode(403);
    }

    @Test
    /** No subgraph answers here: a well-formed road-control token finds no service that issues them. */
    void aRoadControlLinkWithoutTokenIs400AMalformedTokenIs403AndNoIssuerIs503() {
        given().get("/road-control").then().statusCode(400).body(containsString("QR code"));
        given().get("/road-control/").then().statusCode(400).body(containsString("QR code"));
        given().urlEncodingEnabled(false).get("/road-control/abc%2F..%2Fdownload").then().statusCode(403)
                .contentType(containsString("text/plain")).body(containsString("transporteur"));
        given().get("/road-control/" + "a".repeat(101)).then().statusCode(403);
        given().get("/road-control/" + "a".repeat(50)).then().statusCode(503)
                .body(containsString("réessayez"));
    }
}
