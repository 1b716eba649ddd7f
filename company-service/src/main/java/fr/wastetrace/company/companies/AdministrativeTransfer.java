package fr.wastetrace.company.companies;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/** A transfer of a company's BSDs to another company. Not offered yet: companies list none. */
@Type("AdministrativeTransfer")
public class AdministrativeTransfer {
    @Id
    @NonNull
    public String id;
    @NonNull
    public CompanyPublic from;
    @NonNull
    public CompanyPublic to;
    public Status status;
    @NonNull
    public OffsetDateTime createdAt;
    public OffsetDateTime approvedAt;

    @org.eclipse.microprofile.graphql.Enum("AdministrativeTransferStatus")
    public enum Status {
        PENDING, ACCEPTED, REFUSED
    }
}
