package fr.wastetrace.company.users;

import fr.wastetrace.company.companies.CompanyPrivate;
import fr.wastetrace.company.companies.CompanyViews;
import fr.wastetrace.company.config.CompanyConfig;
import fr.wastetrace.company.keycloak.KeycloakAdmin;
import fr.wastetrace.company.members.MembershipEntity;
import fr.wastetrace.subgraph.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

@GraphQLApi
public class UserApi {
    private static final Logger LOG = Logger.getLogger(UserApi.class);
    static final int MIN_PASSWORD_LENGTH = 8;

    @Inject
    Users users;
    @Inject
    KeycloakAdmin keycloak;
    /** Sandbox and local stacks: new accounts are usable at once, without e-mail verification. */
    @Inject
    CompanyConfig config;

    @Query("me")
    @Description("Votre profil.")
    @Transactional
    public @NonNull User me() {
        UserAccountEntity account = users.current();
        List<CompanyPrivate> companies = users.memberships(account).stream()
                .map(m -> CompanyViews.toPrivate(m.company, m))
                .sorted(Comparator.comparing(c -> c.name == null ? "" : c.name))
                .toList();
        return User.of(account, companies);
    }

    @Mutation("editProfile")
    @Description("Modifie votre nom, votre téléphone ou votre consentement au suivi d'audience.")
    @Transactional
    public @NonNull User editProfile(@Name("name") String name, @Name("phone") String phone,
                                     @Name("trackingConsent") Boolean trackingConsent) {
        UserAccountEntity account = users.current();
        if (name != null) {
            if (name.isBlank()) {
                throw new ApiException.BadUserInput("Votre nom ne peut pas être vide.");
            }
            account.name = name.trim();
        }
        if (phone != null) {
            account.phone = phone.isBlank() ? null : phone.trim();
        }
        if (trackingConsent != null) {
            account.trackingConsent = trackingConsent;
        }
        return me();
    }

    @Mutation("signup")
    @Description("Crée un compte. La réponse est la même, que l'adresse e-mail ait déjà un compte ou non.")
    public boolean signup(@NonNull @Name("userInfos") SignupInput input) {
        String email = input.email.trim();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new ApiException.BadUserInput("L'adresse e-mail « " + input.email + " » n'est pas valide.");
        }
        if (input.password.length() < MIN_PASSWORD_LENGTH) {
            throw new ApiException.BadUserInput("Le mot de passe doit compter au moins " + MIN_PASSWORD_LENGTH
                    + " caractères.");
        }
        if (input.name.isBlank()) {
            throw new ApiException.BadUserInput("Votre nom est obligatoire.");
        }
        if (QuarkusTransaction.requiringNew().call(() -> users.findByEmail(email).isPresent())) {
            return true;
        }
        Optional<String> subject = keycloak.createUser(email, input.password, input.name.trim(),
                config.signup().activateImmediately());
        if (subject.isEmpty()) {
            return true;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                UserAccountEntity account = users.register(subject.get(), email, input.name.trim());
                account.phone = input.phone == null || input.phone.isBlank() ? null : input.phone.trim();
            });
        } catch (RuntimeException e) {
            // Both or neither: an account without a profile here would be half-created.
            try {
                keycloak.deleteUser(subject.get());
            } catch (RuntimeException cleanup) {
                LOG.errorf(cleanup, "signup: could not delete Keycloak account %s after a failed profile creation",
                        subject.get());
            }
            throw e;
        }
        return true;
    }
}
