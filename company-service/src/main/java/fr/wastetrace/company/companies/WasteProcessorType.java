package fr.wastetrace.company.companies;

import org.eclipse.microprofile.graphql.Enum;

/** Sub-types of the {@code WASTEPROCESSOR} profile. */
@Enum("WasteProcessorType")
public enum WasteProcessorType {
    DANGEROUS_WASTES_INCINERATION, NON_DANGEROUS_WASTES_INCINERATION, CREMATION, INERT_WASTES_STORAGE,
    NON_DANGEROUS_WASTES_STORAGE, DANGEROUS_WASTES_STORAGE, OTHER_NON_DANGEROUS_WASTES, OTHER_DANGEROUS_WASTES
}
