package fr.wastetrace.company.members;

import fr.wastetrace.company.Timestamps;
import fr.wastetrace.company.companies.Companies;
import fr.wastetrace.company.companies.CompanyEntity;
import fr.wastetrace.company.companies.CompanyEvents;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who belongs to which company with which role: invitations, removals, role changes and membership requests. Every
 * change of a company's members publishes the company's state in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Memberships {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MANAGE = "gérer ses membres";

    @Inject
    Companies companies;
    @Inject
    CompanyEvents events;

    /** Makes the user a member of the company (the caller checked the right to do so). */
    public MembershipEntity add(UserAccountEntity user, CompanyEntity company, UserRole role) {
        if (MembershipEntity.lookup(user.id, company.id).isPresent()) {
            throw new ApiException.BadUserInput(user.email + " est déjà membre de l'établissement " + company.orgId + ".");
        }
        MembershipEntity membership = MembershipEntity.of(user, company, role);
        membership.persist();
        events.publish(company, user.subject);
        return membership;
    }

    /** Turns the pending invitations of the user's e-mail into memberships. */
    public void acceptInvitations(UserAccountEntity user) {
        for (InvitationEntity invitation : InvitationEntity.pendingFor(user.email)) {
            CompanyEntity company = companies.lock(invitation.companyId);
            if (MembershipEntity.lookup(user.id, company.id).isEmpty()) {
                MembershipEntity.of(user, company, invitation.role).persist();
                events.publish(company, user.subject);
            }
            invitation.acceptedAt = Timestamps.now();
        }
    }

    /**
     * Invites an e-mail: an existing account becomes a member at once; otherwise the invitation waits for the
     * account (and changes role if the e-mail was already invited).
     */
    public void invite(UserAccountEntity caller, CompanyEntity company, String email, UserRole role,
                       Function<String, Optional<UserAccountEntity>> findAccount) {
        companies.require(caller, company, UserPermission.COMPANY_CAN_MANAGE_MEMBERS, MANAGE);
        Optional<UserAccountEntity> invitee = findAccount.apply(email);
        if (invitee.isPresent()) {
            add(invitee.get(), company, role);
            return;
        }
        InvitationEntity invitation = InvitationEntity.<InvitationEntity>find("lower(email) = lower(?1) and companyId = ?2 and acceptedAt is null",
                email, company.id).firstResultOptional().orElseGet(() -> {
            InvitationEntity created = new InvitationEntity();
            created.id = UUID.randomUUID().toString();
            created.email = email;
            created.companyId = company.id;
            created.hash = HexFormat.of().formatHex(randomBytes());
            created.createdAt = Timestamps.now();
            return created;
        });
        invitation.role = role;
        invitation.persist();
    }

    /** Removes a member, or cancels a pending invitation ({@code userId} is then the invitation's id). */
    public void remove(UserAccountEntity caller, CompanyEntity company, String userId) {
        companies.require(caller, company, UserPermission.COMPANY_CAN_MANAGE_MEMBERS, MANAGE);
        if (caller.id.equals(userId)) {
            throw new ApiException.BadUserInput("Vous ne pouvez pas vous retirer vous-même de l'établissement "
                    + company.orgId + " : demandez-le à un autre administrateur.");
        }
        Optional<MembershipEntity> membership = MembershipEntity.lookup(userId, company.id);
        if (membership.isEmpty()) {
            InvitationEntity invitation = InvitationEntity.<InvitationEntity>find("id = ?1 and companyId = ?2 and acceptedAt is null",
                    userId, company.id).firstResultOptional().orElseThrow(() -> notAMember(userId, company));
            invitation.delete();
            return;
        }
        keepAnAdmin(membership.get(), UserRole.MEMBER);
        membership.get().delete();
        events.publish(company, membership.get().user.subject);
    }

    /** Changes a member's role (or a pending invitation's). */
    public CompanyMember changeRole(UserAccountEntity caller, CompanyEntity company, String userId, UserRole role) {
        companies.require(caller, company, UserPermission.COMPANY_CAN_MANAGE_MEMBERS, MANAGE);
        Optional<MembershipEntity> found = MembershipEntity.lookup(userId, company.id);
        if (found.isEmpty()) {
            InvitationEntity invitation = InvitationEntity.<InvitationEntity>find("id = ?1 and companyId = ?2 and acceptedAt is null",
                    userId, company.id).firstResultOptional().orElseThrow(() -> notAMember(userId, company));
            invitation.role = role;
            return CompanyMember.of(invitation, company.orgId);
        }
        MembershipEntity membership = found.get();
        keepAnAdmin(membership, role);
        membership.role = role;
        events.publish(company, membership.user.subject);
        return CompanyMember.of(membership, caller.id);
    }

    public MembershipRequestEntity request(UserAccountEntity caller, CompanyEntity company) {
        if (MembershipEntity.lookup(caller.id, company.id).isPresent()) {
            throw new ApiException.BadUserInput("Vous êtes déjà membre de l'établissement " + company.orgId + ".");
        }
        if (MembershipRequestEntity.latest(caller.id, company.id).filter(r -> r.status == MembershipRequest.Status.PENDING).isPresent()) {
            throw new ApiException.BadUserInput("Vous avez déjà demandé à rejoindre l'établissement " + company.orgId
                    + " : attendez la réponse de ses administrateurs.");
        }
        MembershipRequestEntity request = new MembershipRequestEntity();
        request.id = UUID.randomUUID().toString();
        request.userId = caller.id;
        request.companyId = company.id;
        request.status = MembershipRequest.Status.PENDING;
        request.sentTo = MembershipEntity.ofCompany(company.id).stream().filter(m -> m.role == UserRole.ADMIN)
                .map(m -> m.user.email).toArray(String[]::new);
        request.createdAt = Timestamps.now();
        request.persist();
        return request;
    }

    /** Accepts (with the given role) or refuses a pending request. */
    public void decide(UserAccountEntity caller, CompanyEntity company, MembershipRequestEntity request, UserRole acceptedRole) {
        companies.require(caller, company, UserPermission.COMPANY_CAN_MANAGE_MEMBERS, MANAGE);
        if (request.status != MembershipRequest.Status.PENDING) {
            throw new ApiException.BadUserInput("Cette demande a déjà reçu une réponse ("
                    + request.status + ").");
        }
        if (acceptedRole == null) {
            request.status = MembershipRequest.Status.REFUSED;
            return;
        }
        request.status = MembershipRequest.Status.ACCEPTED;
        UserAccountEntity requester = UserAccountEntity.findById(request.userId);
        if (MembershipEntity.lookup(requester.id, company.id).isEmpty()) {
            add(requester, company, acceptedRole);
        }
    }

    public List<CompanyMember> members(CompanyEntity company, String callerUserId) {
        List<CompanyMember> members = new ArrayList<>(MembershipEntity.ofCompany(company.id).stream()
                .map(m -> CompanyMember.of(m, callerUserId)).toList());
        InvitationEntity.pendingOf(company.id).forEach(i -> members.add(CompanyMember.of(i, company.orgId)));
        return members;
    }

    /** A company always keeps at least one administrator. */
    private static void keepAnAdmin(MembershipEntity membership, UserRole newRole) {
        if (membership.role == UserRole.ADMIN && newRole != UserRole.ADMIN
                && MembershipEntity.adminCount(membership.company.id) <= 1) {
            throw new ApiException.BadUserInput(membership.user.email + " est le seul administrateur de l'établissement "
                    + membership.company.orgId + " : nommez d'abord un autre administrateur.");
        }
    }

    private static ApiException notAMember(String userId, CompanyEntity company) {
        return new ApiException.BadUserInput("L'utilisateur « " + userId + " » n'est pas membre de l'établissement "
                + company.orgId + " et n'y est pas invité.");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
