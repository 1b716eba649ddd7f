package fr.wastetrace.company.members;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** A request to join a company: who asked, which company, to whom it was sent, and what became of it. */
@Type("MembershipRequest")
public class MembershipRequest {
    @Id
    @NonNull
    public String id;
    /** The requester's e-mail. */
    @NonNull
    public String email;
    @NonNull
    public String siret;
    /** The company's name. */
    @NonNull
    public String name;
    @NonNull
    public Status status;
    @NonNull
    public List<@NonNull String> sentTo;

    @org.eclipse.microprofile.graphql.Enum("MembershipRequestStatus")
    public enum Status {
        PENDING, ACCEPTED, REFUSED
    }
}
