package fr.wastetrace.events.company;

/**
 * Payload of {@code access-token.revoked} events (topic {@code wastetrace.company.events}, key = token id, schema
 * {@code schemas/access-token-revoked.v1.json}): a personal access token stopped being valid, so that the gateway
 * drops it from its cache at once.
 *
 * @param tokenId company-service's id of the token (also returned when the gateway resolves a token)
 * @param userId  company-service's id of the token's owner
 * @param subject the owner's identity-provider subject
 */
public record AccessTokenRevoked(String tokenId, String userId, String subject) {
    public static final String REVOKED = "access-token.revoked";
    public static final String AGGREGATE_TYPE = "access_token";
    public static final int SCHEMA_VERSION = 1;
}
