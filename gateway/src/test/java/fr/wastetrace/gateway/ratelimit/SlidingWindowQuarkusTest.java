package fr.wastetrace.gateway.ratelimit;

import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production's per-IP limit (1,000 requests in a sliding 60-second window) against the real Redis, over minutes of the
 * limiter's clock, driven by the test ({@link SteppedLimiterClock}) instead of waited for: no 60-second window ever
 * holds more than 1,000 accepted requests, and a request is refused only when the 60 seconds before it already hold
 * 1,000 (the limit is exact both ways).
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
@TestProfile(SlidingWindowQuarkusTest.Production.class)
class SlidingWindowQuarkusTest {
    private static final long WINDOW = 60_000;
    private static final int LIMIT = 1000;

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The loopback is a trusted proxy so that this run counts under an address of its own (see RateLimitQuarkusTest).
            return Map.of("wastetrace.gateway.rate-limit.per-ip", String.valueOf(LIMIT),
                    "wastetrace.gateway.rate-limit.window", "60s",
                    "wastetrace.gateway.rate-limit.trusted-proxies", "127.0.0.1/32,::1/128");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SteppedLimiterClock.class);
        }
    }

    private static String client() {
        SecureRandom random = new SecureRandom();
        return "2001:db8:60::" + Integer.toHexString(random.nextInt(0xffff) + 1) + ":" + Integer.toHexString(random.nextInt(0xffff) + 1);
    }

    /** One request at {@code at} (the limiter's clock); true when accepted. */
    private static boolean request(String client, long at) {
        SteppedLimiterClock.NOW.set(at);
        int status = given().header("X-Forwarded-For", client).get("/rate-limit-probe").statusCode();
        assertTrue(status == 429 || status == 404, "status " + status);
        return status != 429;
    }

    @Test
    void theWindowSlidesAcrossTheBoundaryOfAFixedMinute() {
        String client = client();
        long start = System.currentTimeMillis();
        int accepted = 0;
        for (int i = 0; i < LIMIT + 10; i++) {
            accepted += request(client, start + i) ? 1 : 0; // one per millisecond, 1,010 in 1.01 s
        }
        assertEquals(LIMIT, accepted, "the first 1,000 pass, the next 10 do not");
        // A fixed window starting at `start` would reset here; the sliding one still holds the 1,000.
        assertTrue(!request(client, start + 30_000), "half a minute later, still full");
        assertTrue(!request(client, start + WINDOW - 1), "1 ms before the first request leaves the window");
        assertTrue(request(client, start + WINDOW), "the first request has left the window: one slot");
        assertTrue(!request(client, start + WINDOW), "and only one");
    }

    @Test
    void noSixtySecondWindowEverHoldsMoreThanTheLimitAndNoRequestIsRefusedBelowIt() {
        String client = client();
        Random random = new Random(60);
        long now = System.currentTimeMillis();
        List<Long> accepted = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        // Over two minutes of the clock: bursts and pauses, 4,000 requests, about 30 a second on average.
        for (int i = 0; i < 4000; i++) {
            now += random.nextInt(100) < 3 ? random.nextInt(2000) : random.nextInt(10);
            (request(client, now) ? accepted : refused).add(now);
        }
        assertTrue(accepted.size() > 2 * LIMIT && !refused.isEmpty(),
                "the schedule tests both sides: " + accepted.size() + " accepted, " + refused.size() + " refused");
        for (long at : accepted) {
            long inWindow = accepted.stream().filter(t -> t > at - WINDOW && t <= at).count();
            assertTrue(inWindow <= LIMIT, inWindow + " accepted in the 60 s up to " + at);
        }
        for (long at : refused) {
            long inWindow = accepted.stream().filter(t -> t > at - WINDOW && t <= at).count();
            assertEquals(LIMIT, inWindow, "a request at " + at + " was refused with " + inWindow + " in its window");
        }
    }
}
