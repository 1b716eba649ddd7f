package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/**
 * The subgraph's schema by introspection, as the contract check reads it: the BSPAOH operations and the search across
 * types with its union. The result is kept in {@code target/bsd-introspection.json} for
 * {@code contract-check --introspection}.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class BspaohContractQuarkusTest {
    private static final String TYPE_REF = "kind name ofType { ".repeat(8) + "kind name" + " }".repeat(8);
    private static final String INTROSPECTION = "query { __schema { queryType { name } mutationType { name } "
            + "subscriptionType { name } types { kind name fields(includeDeprecated: true) { name isDeprecated "
            + "args(includeDeprecated: true) { name defaultValue isDeprecated type { " + TYPE_REF + " } } type { "
            + TYPE_REF + " } } inputFields(includeDeprecated: true) { name defaultValue isDeprecated type { "
            + TYPE_REF + " } } enumValues(includeDeprecated: true) { name isDeprecated } possibleTypes { name } } } }";

    @Test
    void theSchemaHasTheBspaohOperationsAndTheSearchAcrossTypes() throws Exception {
        String body = given().contentType(ContentType.JSON).header(TestIdentity.HEADER, TestIdentity.anonymous())
                .body(Map.of("query", INTROSPECTION)).post("/graphql")
                .then().statusCode(200)
                .body("errors", is((Object) null))
                .body("data.__schema.types.find { it.name == 'Query' }.fields.name",
                        hasItems("bspaoh", "bspaohs", "bspaohPdf", "bsds", "bsd"))
                .body("data.__schema.types.find { it.name == 'Mutation' }.fields.name",
                        hasItems("createBspaoh", "createDraftBspaoh", "updateBspaoh", "publishBspaoh", "signBspaoh",
                                "duplicateBspaoh", "deleteBspaoh"))
                .body("data.__schema.types.find { it.name == 'Bsd' }.possibleTypes.name",
                        hasItems("Form", "Bsvhu", "Bspaoh"))
                .extract().asString();
        Files.writeString(Path.of("target", "bsd-introspection.json"), body);
    }
}
