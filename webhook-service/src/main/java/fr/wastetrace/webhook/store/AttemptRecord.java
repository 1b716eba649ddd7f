package fr.wastetrace.webhook.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to deliver (or one ping).
 *
 * @param httpStatus the receiver's status, null when no response came (refused address, timeout, connection error)
 * @param outcome    {@code DELIVERED}, {@code HTTP_ERROR}, {@code TIMEOUT}, {@code CONNECTION_ERROR},
 *                   {@code REFUSED_ADDRESS}, {@code RESPONSE_TOO_LARGE}
 */
public record AttemptRecord(String settingId, UUID deliveryId, String action, String readableId, int attempt,
                            Instant attemptedAt, Integer httpStatus, String outcome, int latencyMs) {
}
