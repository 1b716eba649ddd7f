package fr.wastetrace.company.members;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The e-mail notifications a member receives about one company. */
@Type("UserNotifications")
public class UserNotifications {
    @NonNull
    public boolean membershipRequest;
    @NonNull
    public boolean signatureCodeRenewal;
    @NonNull
    public boolean bsdRefusal;
    @NonNull
    public boolean bsdaFinalDestinationUpdate;
    @NonNull
    public boolean revisionRequest;
    @NonNull
    public boolean registryDelegation;

    public static UserNotifications of(MembershipEntity membership) {
        UserNotifications notifications = new UserNotifications();
        notifications.membershipRequest = membership.notifyMembershipRequest;
        notifications.signatureCodeRenewal = membership.notifySignatureCodeRenewal;
        notifications.bsdRefusal = membership.notifyBsdRefusal;
        notifications.bsdaFinalDestinationUpdate = membership.notifyBsdaFinalDestinationUpdate;
        notifications.revisionRequest = membership.notifyRevisionRequest;
        notifications.registryDelegation = membership.notifyRegistryDelegation;
        return notifications;
    }

    /** Pending invitations receive nothing. */
    public static UserNotifications none() {
        return new UserNotifications();
    }
}
