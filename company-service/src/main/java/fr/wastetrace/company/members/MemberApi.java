package fr.wastetrace.company.members;

import fr.wastetrace.company.companies.Companies;
import fr.wastetrace.company.companies.CompanyEntity;
import fr.wastetrace.company.companies.CompanyPrivate;
import fr.wastetrace.company.companies.CompanyViews;
import fr.wastetrace.company.keycloak.KeycloakAdmin;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.company.users.Users;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.subgraph.ApiException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;
import java.util.Optional;

@GraphQLApi
public class MemberApi {
    @Inject
    Users users;
    @Inject
    Companies companies;
    @Inject
    Memberships memberships;
    @Inject
    KeycloakAdmin keycloak;

    @Mutation("inviteUserToCompany")
    @Description("Rattache un compte existant à l'établissement avec le rôle donné, ou invite une adresse qui n'a pas "
            + "encore de compte : elle sera rattachée à la création du compte (administrateurs).")
    @Transactional
    public @NonNull CompanyPrivate inviteUserToCompany(@NonNull @Name("email") String email,
                                                       @NonNull @Name("siret") String siret,
                                                       @NonNull @Name("role") UserRole role) {
        String address = email.trim();
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new ApiException.BadUserInput("L'adresse e-mail « " + email + " » n'est pas valide.");
        }
        UserAccountEntity caller = users.current();
        CompanyEntity company = companies.lockByOrgId(siret);
        memberships.invite(caller, company, address, role, this::existingAccount);
        return view(company, caller);
    }

    @Mutation("removeUserFromCompany")
    @Description("Retire un membre de l'établissement, ou annule une invitation en attente (administrateurs). Le "
            + "dernier administrateur ne peut pas être retiré.")
    @Transactional
    public @NonNull CompanyPrivate removeUserFromCompany(@NonNull @Id @Name("userId") String userId,
                                                         @NonNull @Name("siret") String siret) {
        UserAccountEntity caller = users.current();
        CompanyEntity company = companies.lockByOrgId(siret);
        memberships.remove(caller, company, userId);
        return view(company, caller);
    }

    @Mutation("changeUserRole")
    @Description("Change le rôle d'un membre de l'établissement (administrateurs). L'établissement garde toujours au "
            + "moins un administrateur.")
    @Transactional
    public @NonNull CompanyMember changeUserRole(@NonNull @Id @Name("userId") String userId,
                                                 @NonNull @Id @Name("orgId") String orgId,
                                                 @NonNull @Name("role") UserRole role) {
        UserAccountEntity caller = users.current();
        CompanyEntity company = companies.lockByOrgId(orgId);
        return memberships.changeRole(caller, company, userId, role);
    }

    @Mutation("sendMembershipRequest")
    @Description("Demande à rejoindre un établissement inscrit ; ses administrateurs accepteront ou refuseront.")
    @Transactional
    public MembershipRequest sendMembershipRequest(@NonNull @Name("siret") String siret) {
        UserAccountEntity caller = users.current();
        CompanyEntity company = companies.registered(siret);
        return view(memberships.request(caller, company), caller, company);
    }

    @Query("membershipRequest")
    @Description("Une demande de rattachement : par son identifiant (son auteur ou un administrateur de "
            + "l'établissement), ou la vôtre la plus récente pour un SIRET.")
    @Transactional
    public @NonNull MembershipRequest membershipRequest(@Id @Name("id") String id, @Name("siret") String siret) {
        UserAccountEntity caller = users.current();
        if (id != null) {
            MembershipRequestEntity request = MembershipRequestEntity.<MembershipRequestEntity>findByIdOptional(id)
                    .orElseThrow(MemberApi::noRequest);
            CompanyEntity company = CompanyEntity.findById(request.companyId);
            boolean admin = MembershipEntity.lookup(caller.id, company.id)
                    .filter(m -> m.role == UserRole.ADMIN && users.actsFor(company.orgId)).isPresent();
            if (!request.userId.equals(caller.id) && !admin) {
                throw new ApiException.Forbidden("Seuls l'auteur de la demande et les administrateurs de "
                        + "l'établissement peuvent la consulter.");
            }
            return view(request, UserAccountEntity.findById(request.userId), company);
        }
        if (siret == null) {
            throw new ApiException.BadUserInput("Renseignez l'identifiant de la demande (id) ou le SIRET (siret).");
        }
        CompanyEntity company = companies.registered(siret);
        return MembershipRequestEntity.latest(caller.id, company.id).map(r -> view(r, caller, company))
                .orElseThrow(MemberApi::noRequest);
    }

    @Mutation("acceptMembershipRequest")
    @Description("Accepte une demande de rattachement avec le rôle donné (administrateurs).")
    @Transactional
    public @NonNull CompanyPrivate acceptMembershipRequest(@NonNull @Id @Name("id") String id,
                                                           @NonNull @Name("role") UserRole role) {
        return decide(id, role);
    }

    @Mutation("refuseMembershipRequest")
    @Description("Refuse une demande de rattachement (administrateurs).")
    @Transactional
    public @NonNull CompanyPrivate refuseMembershipRequest(@NonNull @Id @Name("id") String id) {
        return decide(id, null);
    }

    private CompanyPrivate decide(String id, UserRole role) {
        UserAccountEntity caller = users.current();
        MembershipRequestEntity request = MembershipRequestEntity.<MembershipRequestEntity>findByIdOptional(id)
                .orElseThrow(MemberApi::noRequest);
        CompanyEntity company = companies.lock(request.companyId);
        memberships.decide(caller, company, request, role);
        return view(company, caller);
    }

    /** The local profile of the e-mail, or the Keycloak account's (whose profile is then created). */
    private Optional<UserAccountEntity> existingAccount(String email) {
        Optional<UserAccountEntity> local = users.findByEmail(email);
        if (local.isPresent()) {
            return local;
        }
        return keycloak.findByEmail(email).map(account -> users.register(account.id(), account.email(), account.displayName()));
    }

    private static CompanyPrivate view(CompanyEntity company, UserAccountEntity caller) {
        return CompanyViews.toPrivate(company, MembershipEntity.lookup(caller.id, company.id).orElseThrow());
    }

    private static MembershipRequest view(MembershipRequestEntity request, UserAccountEntity requester, CompanyEntity company) {
        MembershipRequest view = new MembershipRequest();
        view.id = request.id;
        view.email = requester.email;
        view.siret = company.orgId;
        view.name = company.name;
        view.status = request.status;
        view.sentTo = List.of(request.sentTo).stream().map(MemberApi::mask).toList();
        return view;
    }

    /** The requester is not a member yet: administrators' addresses are shown partly hidden. */
    static String mask(String email) {
        int at = email.indexOf('@');
        return at <= 1 ? "***" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
    }

    private static ApiException noRequest() {
        return new ApiException.BadUserInput("Aucune demande de rattachement ne correspond.");
    }
}
