package fr.wastetrace.gateway.ratelimit;

import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/** Redis unreachable with {@code fail-open=false}: requests are refused. */
@QuarkusTest
@WithTestResource(BackingServices.class)
@TestProfile(RateLimitRedisDownFailClosedQuarkusTest.Profile.class)
class RateLimitRedisDownFailClosedQuarkusTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1", "quarkus.redis.health.enabled", "false",
                    "wastetrace.gateway.rate-limit.fail-open", "false");
        }
    }

    @Test
    void requestsAreRefused() {
            given().get("/schema.graphql").then().statusCode(429)
                    .body("errors[0].extensions.code", is("TOO_MANY_REQUESTS"));
    }
}
