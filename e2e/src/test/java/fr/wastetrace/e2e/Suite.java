package fr.wastetrace.e2e;

import fr.wastetrace.testing.Gql;
import fr.wastetrace.testing.Stack;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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

    /** A Luhn-valid SIRET in a range no seed uses (a new one each call, so that runs on one stack never collide). */
    static String unregisteredSiret() {
        String prefix = "93" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        for (int last = 0; last < 10; last++) {
            String candidate = prefix + last;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("unreachable: one check digit always fits");
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
