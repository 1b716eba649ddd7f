package fr.wastetrace.company.companies;

import org.eclipse.microprofile.graphql.Enum;

/** The contract's company profiles. */
@Enum("CompanyType")
public enum CompanyType {
    PRODUCER, COLLECTOR, WASTEPROCESSOR, TRANSPORTER, WASTE_VEHICLES, WASTE_CENTER, TRADER, BROKER, ECO_ORGANISME,
    WORKER,
    /** Replaced by the waste-processor sub-type {@code CREMATION}. */
    @Deprecated
    CREMATORIUM,
    INTERMEDIARY, DISPOSAL_FACILITY, RECOVERY_FACILITY
}
