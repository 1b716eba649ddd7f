package fr.wastetrace.company.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A user's profile. Credentials live in Keycloak; {@code subject} is the Keycloak user id (the tokens' {@code sub}). */
@Entity
@Table(name = "user_account")
public class UserAccountEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String subject;
    public String email;
    public String name;
    public String phone;
    public boolean isAdmin;
    public boolean trackingConsent;
    public OffsetDateTime createdAt;

    public static Optional<UserAccountEntity> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public static Optional<UserAccountEntity> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }
}
