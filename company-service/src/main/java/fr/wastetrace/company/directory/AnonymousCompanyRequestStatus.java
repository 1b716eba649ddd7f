package fr.wastetrace.company.directory;

import org.eclipse.microprofile.graphql.Enum;

/** Where a notice filed with createAnonymousCompanyFromPDF stands. */
@Enum("WastetraceAnonymousCompanyRequestStatus")
public enum AnonymousCompanyRequestStatus {
    /** Waiting for a platform administrator: the official directory could not confirm it. */
    PENDING,
    /** Confirmed by the official directory or by an administrator: companyInfos shows the establishment. */
    ACCEPTED,
    /** Refused by an administrator. */
    REJECTED
}
