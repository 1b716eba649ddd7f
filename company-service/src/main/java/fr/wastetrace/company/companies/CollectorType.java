package fr.wastetrace.company.companies;

import org.eclipse.microprofile.graphql.Enum;

/** Sub-types of the {@code COLLECTOR} profile. */
@Enum("CollectorType")
public enum CollectorType {
    NON_DANGEROUS_WASTES, DANGEROUS_WASTES, DEEE_WASTES, OTHER_NON_DANGEROUS_WASTES, OTHER_DANGEROUS_WASTES
}
