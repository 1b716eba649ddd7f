package fr.wastetrace.company.users;

import fr.wastetrace.company.companies.CompanyPrivate;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

/** The contract's {@code User}: the caller's profile. */
@Type("User")
public class User {
    @Id
    @NonNull
    public String id;
    @NonNull
    public String email;
    public String name;
    public String phone;
    @Name("isAdmin")
    public Boolean isAdmin;
    /** No feature is behind a flag on this platform. */
    @NonNull
    public List<@NonNull String> featureFlags = List.of();
    /** Second factors are managed by the identity provider, not through this API. */
    @NonNull
    public boolean totpEnabled;
    @NonNull
    public boolean trackingConsent;
    public OffsetDateTime trackingConsentUntil;
    /** Use {@code myCompanies}, which pages. */
    @NonNull
    @Deprecated
    public List<@NonNull CompanyPrivate> companies;

    public static User of(UserAccountEntity account, List<CompanyPrivate> companies) {
        User user = new User();
        user.id = account.id;
        user.email = account.email;
        user.name = account.name;
        user.phone = account.phone;
        user.isAdmin = account.isAdmin;
        user.trackingConsent = account.trackingConsent;
        user.companies = companies;
        return user;
    }
}
