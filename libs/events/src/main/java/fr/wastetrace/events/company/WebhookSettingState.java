package fr.wastetrace.events.company;

import java.time.Instant;

/**
 * Payload of {@code webhook-setting.upserted} and {@code webhook-setting.deleted} events (topic
 * {@code wastetrace.company.events}, key = setting id, schema {@code schemas/webhook-setting-state.v1.json}): the full
 * state of one company's webhook setting, for the delivery component's copy. The token and the signing secret travel
 * sealed ({@code v1:} + AES-256-GCM, the setting id as associated data): only holders of the shared secrets key can
 * open them, and neither the topic nor its backups ever hold them in clear.
 *
 * @param id                     company-service's id of the setting
 * @param companyId              company-service's id of the company that owns it
 * @param orgId                  the company's identifier on BSDs (SIRET or VAT number), which deliveries match
 * @param endpointUri            where deliveries are POSTed
 * @param activated              false: nothing is delivered (set by an administrator, or after repeated failures)
 * @param sealedToken            the token sent as {@code Authorization: Bearer: <token>}, sealed
 * @param sealedSigningSecret    the key of the deliveries' HMAC signature, sealed
 * @param createdAt              creation time
 */
public record WebhookSettingState(
        String id,
        String companyId,
        String orgId,
        String endpointUri,
        boolean activated,
        String sealedToken,
        String sealedSigningSecret,
        Instant createdAt) {

    public static final String UPSERTED = "webhook-setting.upserted";
    /** The setting was deleted; the payload is its last state. */
    public static final String DELETED = "webhook-setting.deleted";
    public static final String AGGREGATE_TYPE = "webhook_setting";
    public static final int SCHEMA_VERSION = 1;
}
