package fr.wastetrace.company.companies;

import org.eclipse.microprofile.graphql.Enum;

/** Sub-types of the {@code WASTE_VEHICLES} profile. */
@Enum("WasteVehiclesType")
public enum WasteVehiclesType {
    BROYEUR, DEMOLISSEUR
}
