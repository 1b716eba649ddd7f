package fr.wastetrace.e2e;

import fr.wastetrace.testing.Gql;
import fr.wastetrace.testing.Stack;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

/** The whole suite started by {@code deploy/local/up}, as an API client sees it: the gateway only. */
final class Suite {
    private static Map<String, String> env;

    private Suite() {
    }

    static synchronized Map<String, String> env() {
        if (env == null) {
            env = Stack.ensureFull();
        }
        return env;
    }

    static RequestSpecification gateway() {
        return RestAssured.given().baseUri(env().get("GATEWAY_URL")).contentType("application/json");
    }

    static RequestSpecification gateway(String accessToken) {
        return gateway().header("Authorization", "Bearer " + accessToken);
    }

    static ValidatableResponse graphql(RequestSpecification request, String query, Map<String, ?> variables) {
        return request.body(Gql.body(query, variables)).post("/").then();
    }

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + env().get("PG_HOST") + ":" + env().get("PG_PORT") + "/" + database;
    }
}
