package fr.wastetrace.webhook.store;

import java.time.Instant;
import java.util.UUID;

/** The head of an endpoint's queue. */
public record PendingDelivery(long seq, UUID id, String settingId, String readableId, String action,
                              Instant occurredAt, int attempts, Instant nextAttemptAt, String traceParent) {
}
