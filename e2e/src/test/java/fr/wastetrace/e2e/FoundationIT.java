package fr.wastetrace.e2e;

import fr.wastetrace.testing.KeycloakTokens;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platform's plumbing, end to end, on the real suite: services, gateway, Keycloak, the event path. */
class FoundationIT {

    @Test
    void everyServiceIsReady() {
        for (String service : List.of("GATEWAY_URL", "BSD_SERVICE_URL", "COMPANY_SERVICE_URL", "REGISTRY_SERVICE_URL")) {
            RestAssured.given().baseUri(Suite.env().get(service)).get("/q/health/ready")
                    .then().statusCode(200).body("status", is("UP"));
        }
    }

    @Test
    void theGatewayComposesTheThreeSubgraphs() {
        Suite.gateway().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'federation' }.data.bsd", is("composed"))
                .body("checks.find { it.name == 'federation' }.data.company", is("composed"))
                .body("checks.find { it.name == 'federation' }.data.registry", is("composed"));
        Suite.gateway().get("/schema.graphql").then().statusCode(200)
                .body(containsString("ecoOrganismes("))
                .body(containsString("form("))
                .body(containsString("incomingWastes("))
                .body(not(containsString("_service")));
    }

    @Test
    void oneRequestReachesEachSubgraphWithTheCallersIdentity() {
        String query = "query($sirets: [String!]!) { ecoOrganismes { id } form(id: \"unknown-form\") { id } "
                + "incomingWastes(sirets: $sirets) { totalCount } }";
        Map<String, Object> variables = Map.of("sirets", List.of("90000000100009"));

        // Anonymous: company-service answers, bsd-service and registry-service each refuse in their own words.
        Suite.graphql(Suite.gateway(), query, variables).statusCode(200)
                .body("data", nullValue())
                .body("errors.path.flatten()", hasItem("form"))
                .body("errors.path.flatten()", hasItem("incomingWastes"))
                .body("errors.find { it.path == ['form'] }.extensions.code", is("UNAUTHENTICATED"))
                .body("errors.find { it.path == ['incomingWastes'] }.extensions.code", is("UNAUTHENTICATED"));

        // With a Keycloak token, the identity reaches every subgraph: each now answers for this user.
        String token = KeycloakTokens.passwordGrant("producteur@wastetrace.local", "Demo-Producteur-1");
        Suite.graphql(Suite.gateway(token), "{ ecoOrganismes { id } form(id: \"unknown-form\") { id } }", Map.of())
                .statusCode(200)
                .body("errors.find { it.path == ['form'] }.extensions.code", is("BAD_USER_INPUT"))
                .body("errors.find { it.path == ['form'] }.message", containsString("unknown-form"));
        Suite.graphql(Suite.gateway(token), "query($sirets: [String!]!) { incomingWastes(sirets: $sirets) { totalCount } }", variables)
                .statusCode(200)
                .body("errors[0].extensions.code", is("FORBIDDEN"));
    }

    @Test
    void anInvalidTokenIsTreatedAsAnonymous() {
        Suite.graphql(Suite.gateway("not-a-valid-token"), "{ ecoOrganismes { siret } }", Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                // The six eco-organismes of the reference list (workflow tests add their own to the local stack).
                .body("data.ecoOrganismes.siret", hasItems("90000000100009", "90000000200007", "90000000300005",
                        "90000000400003", "90000000500000", "90000000600008"));
        Suite.graphql(Suite.gateway("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"), "{ form(id: \"x\") { id } }", Map.of())
                .statusCode(200)
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"));
    }

    @Test
    void introspectionRepeatingTypeIsRefusedAsTheClientsError() {
        Suite.graphql(Suite.gateway(), "{ a: __type(name: \"Form\") { name } b: __type(name: \"Company\") { name } }", Map.of())
                .statusCode(200)
                .body("errors[0].extensions.code", is("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", startsWith("L'introspection demande trop"));
        Suite.graphql(Suite.gateway(), "{ __type(name: \"Form\") { name } }", Map.of())
                .statusCode(200)
                .body("data.__type.name", is("Form"));
    }

    @Test
    void subgraphsRefuseCallsThatBypassTheGateway() {
        for (String service : List.of("BSD_SERVICE_URL", "COMPANY_SERVICE_URL", "REGISTRY_SERVICE_URL")) {
            RestAssured.given().baseUri(Suite.env().get(service)).contentType("application/json")
                    .body("{\"query\":\"{ __typename }\"}").post("/graphql")
                    .then().statusCode(401).body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        }
    }

    /**
     * A row written to bsd-service's outbox table travels through Debezium (pgoutput) to Kafka and is applied by
     * registry-service, which records every event it applies.
     */
    @Test
    void anOutboxRowOfBsdServiceReachesRegistryService() throws Exception {
        String aggregateId = "probe-" + UUID.randomUUID();
        Instant written;
        try (Connection bsd = DriverManager.getConnection(Suite.jdbcUrl("bsd"), Suite.env().get("DB_USER"), Suite.env().get("DB_PASSWORD"));
             PreparedStatement insert = bsd.prepareStatement("insert into outbox_event "
                     + "(id, type, aggregate_type, aggregate_id, version, schema_version, payload) "
                     + "values (?, 'platform.probe', 'probe', ?, 1, 1, '{\"probe\": true}')")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, aggregateId);
            insert.executeUpdate();
            written = Instant.now();
        }
        try (Connection registry = DriverManager.getConnection(Suite.jdbcUrl("registry"), Suite.env().get("DB_USER"), Suite.env().get("DB_PASSWORD"));
             PreparedStatement select = registry.prepareStatement(
                     "select version, event_type from applied_bsd_event where aggregate_id = ?")) {
            select.setString(1, aggregateId);
            Instant deadline = written.plus(Duration.ofSeconds(30));
            while (true) {
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        assertTrue(row.getLong(1) == 1 && row.getString(2).equals("platform.probe"));
                        System.out.printf("outbox row applied by registry-service %d ms after its commit%n",
                                Duration.between(written, Instant.now()).toMillis());
                        return;
                    }
                }
                assertTrue(Instant.now().isBefore(deadline), "registry-service did not apply the probe event within 30 s");
                Thread.sleep(50);
            }
        }
    }
}
