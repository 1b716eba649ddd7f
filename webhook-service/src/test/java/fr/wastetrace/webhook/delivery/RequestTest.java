package fr.wastetrace.webhook.delivery;

import fr.wastetrace.webhooks.DeliverySignature;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestTest {
    @Test
    void bodyAndAuthorizationAreTheReferences() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        Request request = Request.of("CREATED", "BSD-20230412-JYE9095HY", "a-token-of-twenty-chars", "secret", id, 2,
                Instant.ofEpochSecond(1767225600));
        assertEquals("[{\"action\":\"CREATED\",\"id\":\"BSD-20230412-JYE9095HY\"}]", request.body());
        assertEquals("Bearer: a-token-of-twenty-chars", request.headers().get("Authorization"));
        assertEquals(id.toString(), request.headers().get("Idempotency-Key"));
        assertEquals("2", request.headers().get("X-Wastetrace-Attempt"));
        assertTrue(DeliverySignature.verify("secret", request.headers().get("X-Wastetrace-Signature"), request.body()));
    }

    @Test
    void readableIdsAreJsonEscaped() {
        assertEquals("[{\"action\":\"UPDATED\",\"id\":\"a\\\"b\"}]", Request.body("UPDATED", "a\"b"));
    }
}
