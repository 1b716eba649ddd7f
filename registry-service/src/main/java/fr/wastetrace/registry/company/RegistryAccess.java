package fr.wastetrace.registry.company;

import fr.wastetrace.events.company.Permissions;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Who may read which register: {@code REGISTRY_CAN_READ} on the company, from the company events' roles. */
@ApplicationScoped
public class RegistryAccess {
    @Inject
    AgroalDataSource dataSource;

    /**
     * Throws the contract's {@code FORBIDDEN} unless the caller may read the register of every given company: a member
     * with a role that allows it, through credentials that may act for that company (a personal access token scoped
     * to other companies is refused as a non-member is).
     */
    public void checkCanRead(CallerIdentity caller, List<String> orgIds) {
        Set<String> readable = readableOrgIds(caller.subject());
        for (String orgId : orgIds) {
            if (!readable.contains(orgId) || !caller.actsFor(orgId)) {
                throw new ApiException.Forbidden("Vous n'avez pas le droit de lire le registre de l'établissement " + orgId
                        + " : il faut en être membre avec un rôle qui le permet (administrateur, membre ou lecteur).");
            }
        }
    }

    private Set<String> readableOrgIds(String subject) {
        Set<String> orgIds = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select c.org_id, c.siret, c.vat_number, m.role "
                     + "from company_member m join company_access c on c.company_id = m.company_id "
                     + "where m.subject = ? and not c.deleted")) {
            select.setString(1, subject);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (Permissions.grants(UserRole.valueOf(rows.getString(4)), UserPermission.REGISTRY_CAN_READ)) {
                        for (int column = 1; column <= 3; column++) {
                            if (rows.getString(column) != null) {
                                orgIds.add(rows.getString(column));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read company memberships", e);
        }
        return orgIds;
    }
}
