package fr.wastetrace.company.companies;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/**
 * An appendix-1 signature automation: when {@code to} takes over an appendix-1 item of {@code from}, the platform signs
 * the emission for {@code from} (see {@link SignatureAutomations}).
 */
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
