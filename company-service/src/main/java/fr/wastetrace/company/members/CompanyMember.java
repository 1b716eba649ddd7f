package fr.wastetrace.company.members;

import fr.wastetrace.events.company.UserRole;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A member of a company, or an invitation not yet accepted. */
@Type("CompanyMember")
public class CompanyMember {
    @Id
    @NonNull
    public String id;
    @Id
    @NonNull
    public String orgId;
    @NonNull
    public String email;
    public String name;
    public UserRole role;
    @Name("isActive")
    public Boolean isActive;
    @Name("isPendingInvitation")
    public Boolean isPendingInvitation;
    @Name("isMe")
    public Boolean isMe;
    @NonNull
    public UserNotifications notifications;

    public static CompanyMember of(MembershipEntity membership, String callerUserId) {
        CompanyMember member = new CompanyMember();
        member.id = membership.user.id;
        member.orgId = membership.company.orgId;
        member.email = membership.user.email;
        member.name = membership.user.name;
        member.role = membership.role;
        member.isActive = true;
        member.isPendingInvitation = false;
        member.isMe = membership.user.id.equals(callerUserId);
        member.notifications = UserNotifications.of(membership);
        return member;
    }

    public static CompanyMember of(InvitationEntity invitation, String orgId) {
        CompanyMember member = new CompanyMember();
        member.id = invitation.id;
        member.orgId = orgId;
        member.email = invitation.email;
        member.role = invitation.role;
        member.isActive = false;
        member.isPendingInvitation = true;
        member.isMe = false;
        member.notifications = UserNotifications.none();
        return member;
    }
}
