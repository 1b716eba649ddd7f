package fr.wastetrace.bsd.company;

import fr.wastetrace.events.company.CompanyState.Receipt;

import java.util.List;

/**
 * What bsd-service knows of a registered company, from company-service's events.
 *
 * @param securityCode       the code that lets another user sign on the company's behalf
 * @param transporterReceipt the transporter receipt of its profile, copied onto BSDs; may be null
 */
public record CompanyView(String companyId, String orgId, String siret, String vatNumber, String name, String address,
                          List<String> companyTypes, boolean isDormant, Integer securityCode,
                          Receipt transporterReceipt, Receipt traderReceipt, Receipt brokerReceipt) {

    public boolean hasType(String type) {
        return companyTypes.contains(type);
    }
}
