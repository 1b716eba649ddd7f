package fr.wastetrace.bsd.company;

import fr.wastetrace.events.company.CompanyState.Receipt;

import java.util.List;
import java.util.Set;

/**
 * What bsd-service knows of a registered company, from company-service's events.
 *
 * @param securityCode       the code that lets another user sign on the company's behalf
 * @param transporterReceipt the transporter receipt of its profile, copied onto BSDs; may be null
 * @param allowAppendix1SignatureAutomation the company lets the companies of {@code signatureAutomationTo} take its
 *                                          appendix-1 items over without its signature
 * @param signatureAutomationTo orgIds of the companies the company granted an appendix-1 signature automation to
 * @param collectorTypes      sub-profiles of its COLLECTOR profile; null when no event told them yet
 * @param wasteProcessorTypes sub-profiles of its WASTEPROCESSOR profile; null when no event told them yet
 */
public record CompanyView(String companyId, String orgId, String siret, String vatNumber, String name, String address,
                          List<String> companyTypes, boolean isDormant, Integer securityCode,
                          Receipt transporterReceipt, Receipt traderReceipt, Receipt brokerReceipt,
                          boolean allowAppendix1SignatureAutomation, List<String> signatureAutomationTo,
                          List<String> collectorTypes, List<String> wasteProcessorTypes) {
    /** Sub-profiles that let a destination take dangerous waste (an installation's ICPE headings). */
    private static final Set<String> DANGEROUS_WASTE_SUB_PROFILES = Set.of("DANGEROUS_WASTES", "DEEE_WASTES",
            "OTHER_DANGEROUS_WASTES", "DANGEROUS_WASTES_INCINERATION", "DANGEROUS_WASTES_STORAGE",
            "NON_DANGEROUS_WASTES_STORAGE");
    /** Sub-profiles that let a destination take non-dangerous waste. */
    private static final Set<String> NON_DANGEROUS_WASTE_SUB_PROFILES = Set.of("NON_DANGEROUS_WASTES", "DEEE_WASTES",
            "OTHER_NON_DANGEROUS_WASTES", "DANGEROUS_WASTES_INCINERATION", "NON_DANGEROUS_WASTES_INCINERATION",
            "CREMATION", "NON_DANGEROUS_WASTES_STORAGE", "INERT_WASTES_STORAGE");

    public boolean hasType(String type) {
        return companyTypes.contains(type);
    }

    /**
     * Whether the company's declared sub-profiles let it receive this kind of waste as a destination (spec bsdd.md
     * §2.5): one of its collector or waste-processor sub-profiles must cover dangerous (or non-dangerous) waste.
     * True while its sub-profiles are not known (a read model filled from events older than them).
     */
    public boolean subProfilesAccept(boolean dangerousWaste) {
        if (collectorTypes == null || wasteProcessorTypes == null) {
            return true;
        }
        Set<String> accepted = dangerousWaste ? DANGEROUS_WASTE_SUB_PROFILES : NON_DANGEROUS_WASTE_SUB_PROFILES;
        return collectorTypes.stream().anyMatch(accepted::contains)
                || wasteProcessorTypes.stream().anyMatch(accepted::contains);
    }

    /** Whether {@code transporterOrgId} may take this company's appendix-1 items over without its signature. */
    public boolean automatesAppendix1SignatureFor(String transporterOrgId) {
        return allowAppendix1SignatureAutomation && transporterOrgId != null
                && signatureAutomationTo.contains(transporterOrgId);
    }
}
