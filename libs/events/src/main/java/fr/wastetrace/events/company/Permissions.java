package fr.wastetrace.events.company;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static fr.wastetrace.events.company.UserPermission.*;

/**
 * The one table of which role grants which permission (spec bsdd.md §5.1). Shared by company-service, which exposes
 * it ({@code userPermissions}), and by every service that checks permissions from the company events' roles.
 */
public final class Permissions {
    private static final Map<UserRole, Set<UserPermission>> GRANTED = new EnumMap<>(UserRole.class);

    static {
        Set<UserPermission> reader = EnumSet.of(BSD_CAN_READ, BSD_CAN_LIST, REGISTRY_CAN_READ, COMPANY_CAN_READ);
        // Drivers read, list, update (plates) and sign transport and delivery; they do not read registers.
        Set<UserPermission> driver = EnumSet.of(BSD_CAN_READ, BSD_CAN_LIST, BSD_CAN_UPDATE, BSD_CAN_SIGN_TRANSPORT,
                BSD_CAN_SIGN_DELIVERY, COMPANY_CAN_READ);
        Set<UserPermission> member = EnumSet.of(BSD_CAN_READ, BSD_CAN_LIST, BSD_CAN_CREATE, BSD_CAN_UPDATE,
                BSD_CAN_DELETE, BSD_CAN_SIGN_EMISSION, BSD_CAN_SIGN_WORK, BSD_CAN_SIGN_TRANSPORT, BSD_CAN_SIGN_DELIVERY,
                BSD_CAN_SIGN_ACCEPTATION, BSD_CAN_SIGN_OPERATION, BSD_CAN_REVISE, REGISTRY_CAN_READ,
                REGISTRY_CAN_IMPORT, COMPANY_CAN_READ);
        Set<UserPermission> admin = EnumSet.copyOf(member);
        admin.addAll(EnumSet.of(COMPANY_CAN_UPDATE, COMPANY_CAN_VERIFY, COMPANY_CAN_MANAGE_SIGNATURE_AUTOMATION,
                COMPANY_CAN_MANAGE_MEMBERS, COMPANY_CAN_RENEW_SECURITY_CODE, COMPANY_CAN_MANAGE_REGISTRY_DELEAGATION));
        GRANTED.put(UserRole.READER, Collections.unmodifiableSet(reader));
        GRANTED.put(UserRole.DRIVER, Collections.unmodifiableSet(driver));
        GRANTED.put(UserRole.MEMBER, Collections.unmodifiableSet(member));
        GRANTED.put(UserRole.ADMIN, Collections.unmodifiableSet(admin));
    }

    private Permissions() {
    }

    public static Set<UserPermission> of(UserRole role) {
        return GRANTED.get(role);
    }

    public static boolean grants(UserRole role, UserPermission permission) {
        return role != null && GRANTED.get(role).contains(permission);
    }
}
