package fr.wastetrace.bsd.company;

import fr.wastetrace.events.company.CompanyState.Receipt;

import java.util.List;

/**
 * What bsd-service knows of a registered company, from company-service's events.
 *
 * @param securityCode       the code that lets another user sign on the company's behalf
 * @param transporterReceipt the transporter receipt of its profile, copied onto BSDs; may be null
 * @param allowAppendix1SignatureAutomation the company lets the companies of {@code signatureAutomationTo} take its
 *                                          appendix-1 items over without its signature
 * @param signatureAutomationTo orgIds of the companies the company granted an appendix-1 signature automation to
 */
public record CompanyView(String companyId, String orgId, String siret, String vatNumber, String name, String address,
                          List<String> companyTypes, boolean isDormant, Integer securityCode,
                          Receipt transporterReceipt, Receipt traderReceipt, Receipt brokerReceipt,
                          boolean allowAppendix1SignatureAutomation, List<String> signatureAutomationTo) {

    public boolean hasType(String type) {
        return companyTypes.contains(type);
    }

    /** Whether {@code transporterOrgId} may take this company's appendix-1 items over without its signature. */
    public boolean automatesAppendix1SignatureFor(String transporterOrgId) {
        return allowAppendix1SignatureAutomation && transporterOrgId != null
                && signatureAutomationTo.contains(transporterOrgId);
    }
}
