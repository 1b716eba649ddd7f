package fr.wastetrace.e2e;

import fr.wastetrace.testing.KeycloakTokens;
import fr.wastetrace.testing.Stack;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stack's real Redis hangs (paused with SIGSTOP: it keeps its connections and answers nothing) while the gateway
 * serves requests: queries are answered within the limiter's timeout, the per-IP limit failing open (the local
 * policy), never a 5xx; signup, createAccessToken and inviteUserToCompany are refused (TOO_MANY_REQUESTS, French
 * message) because their limits fail closed. Redis is resumed whatever happens.
 */
class RateLimitRedisHungIT {

    @Test
    void publicQueriesFailOpenSensitiveMutationsFailClosed() throws Exception {
        Suite.env();
        String jwt = KeycloakTokens.passwordGrant("producteur@wastetrace.local", "Demo-Producteur-1");
        long redis = Long.parseLong(Files.readString(Stack.root().resolve(".run/pids/redis.pid")).trim());
        signal("STOP", redis);
        try {
            Response query = timed(() -> Suite.gateway().body("{\"query\":\"{ __typename }\"}").post("/"), "a public query");
            assertEquals(200, query.statusCode(), query.asString());
            assertEquals("Query", query.jsonPath().getString("data.__typename"));

            Map<String, Object> signup = Map.of("u", Map.of("email", "hung-" + UUID.randomUUID() + "@wastetrace.test",
                    "name", "Redis Suspendu", "password", "Un-Mot-De-Passe-1"));
            refused(timed(() -> Suite.gateway().body(fr.wastetrace.testing.Gql.body(
                    "mutation($u: SignupInput!) { signup(userInfos: $u) }", signup)).post("/"), "signup"), "signup");
            refused(timed(() -> Suite.gateway(jwt).body(fr.wastetrace.testing.Gql.body(
                    "mutation { createAccessToken(input: { description: \"hung\" }) { token } }", Map.of())).post("/"),
                    "createAccessToken"), "createAccessToken");
            refused(timed(() -> Suite.gateway(jwt).body(fr.wastetrace.testing.Gql.body(
                    "mutation { inviteUserToCompany(email: \"x@wastetrace.test\", role: MEMBER, siret: \"91000000100008\") { id } }",
                    Map.of())).post("/"), "inviteUserToCompany"), "inviteUserToCompany");
        } finally {
            signal("CONT", redis);
        }
        Response after = Suite.gateway().body("{\"query\":\"{ __typename }\"}").post("/");
        assertEquals(200, after.statusCode());
        assertNotNull(after.header("X-RateLimit-Remaining"));
    }

    private static Response timed(java.util.function.Supplier<Response> call, String what) {
        long started = System.nanoTime();
        Response response = call.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        // The limiter waits 500 ms for Redis; other Redis uses on the path (the read-your-writes positions of a logged-in
        // user) give up after quarkus.redis.timeout (2 s).
        assertTrue(millis < 8_000, what + " answered in " + millis + " ms");
        assertTrue(response.statusCode() < 500, what + ": " + response.statusCode() + " " + response.asString());
        return response;
    }

    private static void refused(Response response, String field) {
        assertEquals(200, response.statusCode(), response.asString());
        assertNull(response.jsonPath().get("data." + field), response.asString());
        assertEquals("TOO_MANY_REQUESTS", response.jsonPath().getString("errors[0].extensions.code"), response.asString());
        String message = response.jsonPath().getString("errors[0].message");
        assertTrue(message.contains("« " + field + " » ne peut pas être vérifié"), message);
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder(List.of("kill", "-" + signal, String.valueOf(pid))).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + pid);
    }
}
