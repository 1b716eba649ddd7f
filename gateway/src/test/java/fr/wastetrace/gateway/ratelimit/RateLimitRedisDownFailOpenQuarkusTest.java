package fr.wastetrace.gateway.ratelimit;

import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Redis unreachable with {@code fail-open=true}: requests go through (availability first; the failure is logged and
 * counted), but the per-operation limits refuse (they fail closed whatever {@code fail-open} says).
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
@TestProfile(RateLimitRedisDownFailOpenQuarkusTest.Profile.class)
class RateLimitRedisDownFailOpenQuarkusTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1", "quarkus.redis.health.enabled", "false",
                    "wastetrace.gateway.rate-limit.fail-open", "true");
        }
    }

    @Inject
    OperationLimits operationLimits;

    @Test
    void sensitiveOperationsAreRefusedAllTheSame() {
        for (String field : List.of("signup", "createAccessToken", "inviteUserToCompany")) {
            assertEquals(Optional.of(new OperationLimits.Refusal(field, true)),
                    operationLimits.firstExceeded(List.of(field), "192.0.2.8"), field);
        }
    }

    @Test
    void requestsGoThrough() {
            given().get("/schema.graphql").then().statusCode(not(is(429)));
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("wastetrace_gateway_ratelimit_redis_failures_total"));
    }
}
