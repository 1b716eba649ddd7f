package fr.wastetrace.company.members;

import fr.wastetrace.company.Timestamps;
import fr.wastetrace.company.companies.CompanyEntity;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.events.company.UserRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A user's role in a company, and the e-mail notifications they receive about it. */
@Entity
@Table(name = "membership")
public class MembershipEntity extends PanacheEntityBase {
    @EmbeddedId
    public Key key = new Key();
    @MapsId("userId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    public UserAccountEntity user;
    @MapsId("companyId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "company_id")
    public CompanyEntity company;
    @Enumerated(EnumType.STRING)
    public UserRole role;
    public boolean notifyMembershipRequest;
    public boolean notifySignatureCodeRenewal;
    public boolean notifyBsdRefusal;
    public boolean notifyBsdaFinalDestinationUpdate;
    public boolean notifyRevisionRequest;
    public boolean notifyRegistryDelegation;
    public OffsetDateTime createdAt;

    public static MembershipEntity of(UserAccountEntity user, CompanyEntity company, UserRole role) {
        MembershipEntity membership = new MembershipEntity();
        membership.user = user;
        membership.company = company;
        membership.role = role;
        membership.createdAt = Timestamps.now();
        boolean admin = role == UserRole.ADMIN;
        // Admins are told about what needs their decision; everyone else opts in.
        membership.notifyMembershipRequest = admin;
        membership.notifySignatureCodeRenewal = admin;
        membership.notifyBsdRefusal = admin;
        membership.notifyBsdaFinalDestinationUpdate = admin;
        membership.notifyRevisionRequest = admin;
        membership.notifyRegistryDelegation = admin;
        return membership;
    }

    public static Optional<MembershipEntity> lookup(String userId, String companyId) {
        return find("key.userId = ?1 and key.companyId = ?2", userId, companyId).firstResultOptional();
    }

    public static List<MembershipEntity> ofCompany(String companyId) {
        return find("key.companyId = ?1 order by createdAt, key.userId", companyId).list();
    }

    public static List<MembershipEntity> ofUser(String userId) {
        return find("key.userId = ?1", userId).list();
    }

    public static long adminCount(String companyId) {
        return count("key.companyId = ?1 and role = ?2", companyId, UserRole.ADMIN);
    }

    @Embeddable
    public static class Key implements Serializable {
        public String userId;
        public String companyId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(userId, key.userId) && Objects.equals(companyId, key.companyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, companyId);
        }
    }
}
