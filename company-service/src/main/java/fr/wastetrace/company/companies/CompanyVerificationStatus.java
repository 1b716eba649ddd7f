package fr.wastetrace.company.companies;

import org.eclipse.microprofile.graphql.Enum;

@Enum("CompanyVerificationStatus")
public enum CompanyVerificationStatus {
    VERIFIED, TO_BE_VERIFIED, LETTER_SENT, STANDBY
}
