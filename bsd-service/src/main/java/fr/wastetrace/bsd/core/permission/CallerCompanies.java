package fr.wastetrace.bsd.core.permission;

import fr.wastetrace.events.company.Permissions;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.events.company.UserRole;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The companies a caller belongs to, by org id (SIRET or VAT number), with the caller's role in each. Permission
 * checks on BSDs ask whether the caller holds a permission on at least one company of a set (spec bsdd.md §5.3).
 */
public record CallerCompanies(String subject, String email, Map<String, UserRole> roles) {

    public CallerCompanies {
        roles = Map.copyOf(roles);
    }

    public boolean can(UserPermission permission, Collection<String> orgIds) {
        return orgIds.stream().filter(Objects::nonNull).anyMatch(orgId -> can(permission, orgId));
    }

    public boolean can(UserPermission permission, String orgId) {
        return orgId != null && Permissions.grants(roles.get(orgId), permission);
    }

    public boolean isMemberOf(String orgId) {
        return orgId != null && roles.containsKey(orgId);
    }

    public Set<String> orgIds() {
        return new TreeSet<>(roles.keySet());
    }

    public Set<String> orgIdsWith(UserPermission permission) {
        Set<String> result = new TreeSet<>();
        roles.forEach((orgId, role) -> {
            if (Permissions.grants(role, permission)) {
                result.add(orgId);
            }
        });
        return result;
    }
}
