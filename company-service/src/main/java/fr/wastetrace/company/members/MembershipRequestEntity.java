package fr.wastetrace.company.members;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A user's request to join a company, decided by one of its administrators. */
@Entity
@Table(name = "membership_request")
public class MembershipRequestEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String userId;
    public String companyId;
    @Enumerated(EnumType.STRING)
    public MembershipRequest.Status status;
    /** The administrators' e-mails at the time of the request. */
    public String[] sentTo;
    public OffsetDateTime createdAt;

    public static Optional<MembershipRequestEntity> latest(String userId, String companyId) {
        return find("userId = ?1 and companyId = ?2 order by createdAt desc", userId, companyId).firstResultOptional();
    }
}
