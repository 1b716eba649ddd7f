package fr.wastetrace.company.companies;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/** A delegation of appendix-1 signatures between companies. Not offered yet: companies list none. */
@Type("SignatureAutomation")
public class SignatureAutomation {
    @Id
    @NonNull
    public String id;
    @NonNull
    public CompanyPublic from;
    @NonNull
    public CompanyPublic to;
    @NonNull
    public OffsetDateTime createdAt;
}
