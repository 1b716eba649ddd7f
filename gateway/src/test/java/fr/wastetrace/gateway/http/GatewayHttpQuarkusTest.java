package fr.wastetrace.gateway.http;

import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The HTTP surface of the gateway that does not depend on the subgraphs (those are covered end to end). */
@QuarkusTest
@WithTestResource(BackingServices.class)
class GatewayHttpQuarkusTest {

    @Test
    void browsersGetTheGraphQLUi() {
        given().accept("text/html").get("/").then().statusCode(200)
                .body(containsString("GraphiQL"))
                .header("X-RateLimit-Limit", notNullValue());
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
