package fr.wastetrace.company.companies;

import fr.wastetrace.company.members.MembershipEntity;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.company.users.Users;
import fr.wastetrace.events.company.Permissions;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.subgraph.ApiException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

/**
 * Loading a company for a change, and the permission checks named after what they allow. A change locks the company
 * row first, so that concurrent changes of one company (and their event versions) are serialised.
 */
@ApplicationScoped
public class Companies {
    @Inject
    Users users;


    public CompanyEntity lock(String id) {
        return byId(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A registered company by its id, for reading only. */
    public CompanyEntity byId(String id) {
        return byId(id, LockModeType.NONE);
    }

    private static CompanyEntity byId(String id, LockModeType lock) {
        CompanyEntity company = id == null ? null : CompanyEntity.findById(id, lock);
        if (company == null) {
            throw new ApiException.BadUserInput("Aucun établissement inscrit ne porte l'identifiant « " + id + " ».");
        }
        return company;
    }

    public CompanyEntity lockByOrgId(String orgId) {
        return byOrgId(orgId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A registered company, for reading only. */
    public CompanyEntity registered(String orgId) {
        return byOrgId(orgId, LockModeType.NONE);
    }

    private static CompanyEntity byOrgId(String orgId, LockModeType lock) {
        String cleaned = Siret.looksLikeSiret(Siret.clean(orgId)) ? Siret.clean(orgId) : VatNumber.clean(orgId);
        return CompanyEntity.<CompanyEntity>find("orgId", cleaned).withLock(lock)
                .<CompanyEntity>firstResultOptional()
                .orElseThrow(() -> new ApiException.BadUserInput("Aucun établissement inscrit ne porte le numéro « "
                        + orgId + " » : vérifiez le SIRET ou le numéro de TVA."));
    }

    /** The user's membership, or {@code FORBIDDEN} when the user is not a member or the role lacks the permission. */
    public MembershipEntity require(UserAccountEntity user, CompanyEntity company, UserPermission permission, String action) {
        // A personal access token scoped to other companies acts here as a non-member would.
        MembershipEntity membership = MembershipEntity.lookup(user.id, company.id).filter(m -> users.actsFor(company.orgId))
                .orElseThrow(() -> new ApiException.Forbidden("Vous n'êtes pas membre de l'établissement "
                        + company.orgId + " : seul un de ses membres peut " + action + "."));
        if (!Permissions.grants(membership.role, permission)) {
            throw new ApiException.Forbidden("Votre rôle (" + membership.role + ") dans l'établissement "
                    + company.orgId + " ne permet pas de " + action + " : demandez-le à un administrateur.");
        }
        return membership;
    }

    /** Unused link targets are not errors; a missing one is. */
    static <T> T linked(Class<T> type, String id, String label) {
        if (id == null || id.isBlank()) {
            return null;
        }
        T found = Panache.getEntityManager().find(type, id);
        if (found == null) {
            throw new ApiException.BadUserInput("Aucun(e) " + label + " ne porte l'identifiant « " + id + " ».");
        }
        return found;
    }
}
