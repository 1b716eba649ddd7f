package fr.wastetrace.company.ecoorganisme;

import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.Gql;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(BackingServices.class)
class EcoOrganismeQuarkusTest {

    private static io.restassured.specification.RequestSpecification asGateway() {
        return given().contentType("application/json").header(TestIdentity.HEADER, TestIdentity.anonymous());
    }

    @Test
    void listsTheWholeReferenceListToAnonymousCallers() {
        asGateway().body(Gql.body("{ ecoOrganismes { id name siret address handleBsdd handleBsda handleBsdasri handleBsvhu } }"))
                .post("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.ecoOrganismes", hasSize(6))
                .body("data.ecoOrganismes.siret", hasItem("90000000300005"))
                .body("data.ecoOrganismes.id", everyItem(containsString("eco_")));
    }

    @Test
    void filtersOnEveryGivenFlag() {
        asGateway().body(Gql.body("query($d: Boolean) { ecoOrganismes(handleBsdasri: $d) { siret handleBsdasri } }",
                        Map.of("d", true)))
                .post("/graphql")
                .then().statusCode(200)
                .body("data.ecoOrganismes", hasSize(1))
                .body("data.ecoOrganismes[0].siret", is("90000000300005"));
        asGateway().body(Gql.body("{ ecoOrganismes(handleBsdd: true, handleBsda: true) { siret } }"))
                .post("/graphql")
                .then().statusCode(200)
                .body("data.ecoOrganismes.siret", is(java.util.List.of("90000000500000")));
    }

    @Test
    void refusesCallsThatDidNotComeThroughTheGateway() {
        given().contentType("application/json").body(Gql.body("{ ecoOrganismes { id } }"))
                .post("/graphql")
                .then().statusCode(401)
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        given().contentType("application/json").header(TestIdentity.HEADER, "v1.forged.signature")
                .body(Gql.body("{ ecoOrganismes { id } }"))
                .post("/graphql")
                .then().statusCode(401);
        // Signed with the right key, but made for another service (its audience): refused here.
        given().contentType("application/json").header(TestIdentity.HEADER, TestIdentity.anonymousFor("bsd"))
                .body(Gql.body("{ ecoOrganismes { id } }"))
                .post("/graphql")
                .then().statusCode(401);
        given().contentType("application/json").header(TestIdentity.HEADER, TestIdentity.anonymousFor("company"))
                .body(Gql.body("{ ecoOrganismes { id } }"))
                .post("/graphql")
                .then().statusCode(200);
    }

    @Test
    void servesItsFederationSchema() {
        asGateway().body(Gql.body("{ _service { sdl } }"))
                .post("/graphql")
                .then().statusCode(200)
                .body("data._service.sdl", containsString("type EcoOrganisme"))
                .body("data._service.sdl", containsString("ecoOrganismes(handleBsda: Boolean, handleBsdasri: Boolean, handleBsdd: Boolean, handleBsvhu: Boolean): [EcoOrganisme!]!"));
    }

    @Test
    void readinessReflectsDatabaseAndRelay() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("outbox-relay"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("wastetrace_outbox_relay_active"));
    }
}
