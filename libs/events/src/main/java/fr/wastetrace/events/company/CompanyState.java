package fr.wastetrace.events.company;

import java.time.Instant;
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
 * @param securityCode  the 4-digit code that lets another company's user sign on this company's behalf
 * @param contact       contact person, may be null
 * @param contactEmail  contact e-mail, may be null
 * @param contactPhone  contact phone, may be null
 * @param collectorTypes      sub-types of the {@code COLLECTOR} profile
 * @param wasteProcessorTypes sub-types of the {@code WASTEPROCESSOR} profile
 * @param wasteVehiclesTypes  sub-types of the {@code WASTE_VEHICLES} profile
 * @param transporterReceipt  transporter receipt, copied onto BSDs; may be null
 * @param traderReceipt       trader receipt, may be null
 * @param brokerReceipt       broker receipt, may be null
 * @param vhuAgrementDemolisseur end-of-life-vehicle demolisher agreement, may be null
 * @param vhuAgrementBroyeur     end-of-life-vehicle shredder agreement, may be null
 * @param workerCertification    asbestos worker certification, may be null
 * @param allowBsdasriTakeOverWithoutSignature the company accepts DASRI take-over without its signature
 * @param registryDndFromBsdSince non-hazardous-waste BSDs feed its registry since then; null if never enabled
 * @param allowAppendix1SignatureAutomation the company lets the transporters it named take over its appendix-1
 *                                          items without its signature; null in events older than this component
 * @param signatureAutomationTo  orgIds of the companies the company granted an appendix-1 signature automation to
 *                               (effective only while {@code allowAppendix1SignatureAutomation} is true); null in
 *                               events older than this component
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
        List<Member> members,
        Integer securityCode,
        String contact,
        String contactEmail,
        String contactPhone,
        List<String> collectorTypes,
        List<String> wasteProcessorTypes,
        List<String> wasteVehiclesTypes,
        Receipt transporterReceipt,
        Receipt traderReceipt,
        Receipt brokerReceipt,
        Agrement vhuAgrementDemolisseur,
        Agrement vhuAgrementBroyeur,
        WorkerCertification workerCertification,
        Boolean allowBsdasriTakeOverWithoutSignature,
        Instant registryDndFromBsdSince,
        Boolean allowAppendix1SignatureAutomation,
        List<String> signatureAutomationTo) {

    public static final String UPSERTED = "company.upserted";
    public static final String DELETED = "company.deleted";
    public static final String AGGREGATE_TYPE = "company";
    public static final int SCHEMA_VERSION = 1;

    /** The state as first published (identity, profile and members only); the later components are null. */
    public CompanyState(String id, String orgId, String siret, String vatNumber, String name, String givenName,
                        String address, List<String> companyTypes, boolean isDormant, List<Member> members) {
        this(id, orgId, siret, vatNumber, name, givenName, address, companyTypes, isDormant, members, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The state before the signature-automation components: they are null. */
    public CompanyState(String id, String orgId, String siret, String vatNumber, String name, String givenName,
                        String address, List<String> companyTypes, boolean isDormant, List<Member> members,
                        Integer securityCode, String contact, String contactEmail, String contactPhone,
                        List<String> collectorTypes, List<String> wasteProcessorTypes, List<String> wasteVehiclesTypes,
                        Receipt transporterReceipt, Receipt traderReceipt, Receipt brokerReceipt,
                        Agrement vhuAgrementDemolisseur, Agrement vhuAgrementBroyeur,
                        WorkerCertification workerCertification, Boolean allowBsdasriTakeOverWithoutSignature,
                        Instant registryDndFromBsdSince) {
        this(id, orgId, siret, vatNumber, name, givenName, address, companyTypes, isDormant, members, securityCode,
                contact, contactEmail, contactPhone, collectorTypes, wasteProcessorTypes, wasteVehiclesTypes,
                transporterReceipt, traderReceipt, brokerReceipt, vhuAgrementDemolisseur, vhuAgrementBroyeur,
                workerCertification, allowBsdasriTakeOverWithoutSignature, registryDndFromBsdSince, null, null);
    }

    /**
     * @param userId  company-service's id of the user
     * @param subject the user's identity-provider subject, as in the gateway's identity header
     * @param email   the user's e-mail
     * @param role    the user's role in this company
     */
    public record Member(String userId, String subject, String email, UserRole role) {
    }

    /** A transporter, trader or broker receipt ("récépissé"). */
    public record Receipt(String receiptNumber, String department, Instant validityLimit) {
    }

    /** An end-of-life-vehicle agreement. */
    public record Agrement(String agrementNumber, String department) {
    }

    /** An asbestos worker certification (BSDA). */
    public record WorkerCertification(boolean hasSubSectionFour, boolean hasSubSectionThree,
                                      String certificationNumber, Instant validityLimit, String organisation) {
    }
}
