package fr.wastetrace.company.users;

import fr.wastetrace.company.members.MembershipEntity;
import fr.wastetrace.company.members.Memberships;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** User profiles: the caller's, created on first use from the verified identity; and lookups by e-mail. */
@ApplicationScoped
public class Users {
    @Inject
    SecurityIdentity identity;
    @Inject
    Memberships memberships;

    /** The authenticated caller's profile ({@code UNAUTHENTICATED} without one), created on the first call. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UserAccountEntity current() {
        CallerIdentity caller = Callers.require(identity);
        return UserAccountEntity.findBySubject(caller.subject())
                .orElseGet(() -> register(caller.subject(), caller.email(), caller.name()));
    }

    /**
     * The caller's memberships, as far as its credentials let it act: those of the companies its personal access token
     * is scoped to, when it is (issue #25 item 8), all of them otherwise.
     */
    public List<MembershipEntity> memberships(UserAccountEntity caller) {
        return MembershipEntity.ofUser(caller.id).stream().filter(m -> actsFor(m.company.orgId)).toList();
    }

    /** The companies a scoped personal access token lets the caller act for; null when it is not scoped. */
    public Set<String> orgScope() {
        return Callers.of(identity).map(CallerIdentity::orgScope).orElse(null);
    }

    /** Whether the caller's credentials let it act for the company {@code orgId} (its membership is checked apart). */
    public boolean actsFor(String orgId) {
        return Callers.of(identity).map(caller -> caller.actsFor(orgId)).orElse(true);
    }

    /**
     * Creates the profile of an identity-provider account (idempotent: an existing profile is returned) and turns
     * the invitations of its e-mail into memberships.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UserAccountEntity register(String subject, String email, String name) {
        if (email == null || email.isBlank()) {
            throw new ApiException.BadUserInput("Votre compte n'a pas d'adresse e-mail : renseignez-la dans votre "
                    + "profil d'identité avant d'utiliser l'API.");
        }
        // A concurrent first call may insert the same profile: let the database decide, then read what won.
        Panache.getEntityManager().createNativeQuery("insert into user_account (id, subject, email, name, created_at) "
                        + "values (?1, ?2, ?3, ?4, now()) on conflict do nothing")
                .setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, subject)
                .setParameter(3, email.trim())
                .setParameter(4, name)
                .executeUpdate();
        UserAccountEntity user = UserAccountEntity.findBySubject(subject).orElseThrow(() -> new ApiException.BadUserInput(
                "L'adresse e-mail " + email + " est déjà celle d'un autre compte : contactez le support."));
        memberships.acceptInvitations(user);
        return user;
    }

    public Optional<UserAccountEntity> findByEmail(String email) {
        return UserAccountEntity.findByEmail(email.trim());
    }
}
