package fr.wastetrace.events.company;

import java.util.List;

/**
 * Payload of {@code company.upserted} events (topic {@code wastetrace.company.events}, key = company id, schema
 * {@code schemas/company-state.v1.json}): the full state of one company after a change to its profile or to its
 * members, so that a consumer replaces what it holds when the event's version is newer.
 *
 * @param id            company-service's id of the company
 * @param orgId         the company's identifier on BSDs: its SIRET, or its VAT number for a foreign company
 * @param siret         SIRET (14 digits), null for a foreign company
 * @param vatNumber     EU VAT number, null for most French companies
 * @param name          legal name
 * @param givenName     the name the company uses, may be null
 * @param address       postal address, may be null
 * @param companyTypes  the contract's {@code CompanyType} values
 * @param isDormant     a dormant company cannot appear on new BSDs
 * @param members       users attached to the company, with their role
 */
public record CompanyState(
        String id,
        String orgId,
        String siret,
        String vatNumber,
        String name,
        String givenName,
        String address,
        List<String> companyTypes,
        boolean isDormant,
        List<Member> members) {

    public static final String UPSERTED = "company.upserted";
    public static final String DELETED = "company.deleted";
    public static final String AGGREGATE_TYPE = "company";
    public static final int SCHEMA_VERSION = 1;

    /**
     * @param userId  company-service's id of the user
     * @param subject the user's identity-provider subject, as in the gateway's identity header
     * @param email   the user's e-mail
     * @param role    the user's role in this company
     */
    public record Member(String userId, String subject, String email, UserRole role) {
    }
}
