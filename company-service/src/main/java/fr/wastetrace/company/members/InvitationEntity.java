package fr.wastetrace.company.members;

import fr.wastetrace.events.company.UserRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/** An invitation of an e-mail that has no account yet; it becomes a membership when the account appears. */
@Entity
@Table(name = "invitation")
public class InvitationEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String email;
    public String companyId;
    @Enumerated(EnumType.STRING)
    public UserRole role;
    public String hash;
    public OffsetDateTime acceptedAt;
    public OffsetDateTime createdAt;

    public static List<InvitationEntity> pendingFor(String email) {
        return list("lower(email) = lower(?1) and acceptedAt is null", email);
    }

    public static List<InvitationEntity> pendingOf(String companyId) {
        return list("companyId = ?1 and acceptedAt is null order by createdAt", companyId);
    }
}
