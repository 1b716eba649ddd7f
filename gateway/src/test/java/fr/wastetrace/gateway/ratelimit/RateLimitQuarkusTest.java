package fr.wastetrace.gateway.ratelimit;

import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-IP limit against the real Redis: headers on every answer, 429 beyond the limit, never more accepted. */
@QuarkusTest
@WithTestResource(BackingServices.class)
@TestProfile(RateLimitQuarkusTest.FiveRequests.class)
class RateLimitQuarkusTest {

    public static class FiveRequests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The loopback is a trusted proxy here so that each test run counts under an address of its own: other
            // test classes share the Redis and the loopback address, and their requests stay in the sliding window.
            return Map.of("wastetrace.gateway.rate-limit.per-ip", "5",
                    "wastetrace.gateway.rate-limit.trusted-proxies", "127.0.0.1/32,::1/128");
        }
    }

    /** An address of the IPv6 documentation prefix (RFC 3849) that no other test uses, fresh for each run. */
    private static final String CLIENT = "2001:db8::" + Integer.toHexString(new SecureRandom().nextInt(0xffff) + 1)
            + ":" + Integer.toHexString(new SecureRandom().nextInt(0xffff) + 1);

    private static RequestSpecification client() {
        return given().header("X-Forwarded-For", CLIENT);
    }

    @Test
    void countsDownThenRefusesWithRetryAfter() {
        int accepted = 0;
        long reset = 0;
        for (int i = 1; i <= 8; i++) {
            Response response = client().get("/schema.graphql");
            assertEquals("5", response.header("X-RateLimit-Limit"));
            assertNotNull(response.header("X-RateLimit-Reset"));
            if (response.statusCode() != 429) {
                accepted++;
                assertEquals(String.valueOf(5 - accepted), response.header("X-RateLimit-Remaining"));
                reset = Long.parseLong(response.header("X-RateLimit-Reset"));
            } else {
                assertEquals("0", response.header("X-RateLimit-Remaining"));
                long retryAfter = Long.parseLong(response.header("Retry-After"));
                assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
                assertEquals("TOO_MANY_REQUESTS", response.jsonPath().getString("errors[0].extensions.code"));
            }
        }
        assertEquals(5, accepted, "exactly the limit is accepted in the window");
        long now = System.currentTimeMillis() / 1000;
        assertTrue(reset > now && reset <= now + 61, "reset is an epoch second within the window: " + reset);
    }

    @Test
    void healthAndMetricsAreNotCounted() {
        for (int i = 0; i < 10; i++) {
            client().get("/q/health/live").then().statusCode(200);
        }
    }
}
