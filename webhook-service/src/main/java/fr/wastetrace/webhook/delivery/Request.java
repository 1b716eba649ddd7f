package fr.wastetrace.webhook.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.webhooks.DeliverySignature;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a receiver gets: the reference's body {@code [{"action": ..., "id": <readable id>}]} and its header
 * {@code Authorization: Bearer: <token>} (the colon after {@code Bearer} included, as receivers written for the
 * reference compare it), plus this platform's additions: {@code Idempotency-Key} (the same for every attempt of one
 * delivery), {@code X-Wastetrace-Attempt} and {@code X-Wastetrace-Signature} ({@link DeliverySignature}).
 */
public record Request(String body, Map<String, String> headers) {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String ATTEMPT = "X-Wastetrace-Attempt";

    public static String body(String action, String id) {
        ArrayNode body = EventCodec.mapper().createArrayNode();
        body.addObject().put("action", action).put("id", id);
        return body.toString();
    }

    public static Request of(String action, String id, String token, String signingSecret, UUID deliveryId,
                             int attempt, Instant now) {
        String body = body(action, id);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer: " + token);
        headers.put(IDEMPOTENCY_KEY, deliveryId.toString());
        headers.put(ATTEMPT, Integer.toString(attempt));
        headers.put(DeliverySignature.HEADER, DeliverySignature.header(signingSecret, now.getEpochSecond(), body));
        return new Request(body, headers);
    }
}
