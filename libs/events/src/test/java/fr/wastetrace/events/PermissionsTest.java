package fr.wastetrace.events;

import fr.wastetrace.events.company.Permissions;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.events.company.UserRole;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static fr.wastetrace.events.company.UserPermission.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermissionsTest {
    @Test
    void adminHasEveryPermission() {
        assertEquals(EnumSet.allOf(UserPermission.class), Permissions.of(UserRole.ADMIN));
    }

    @Test
    void memberHasEverythingButCompanyAdministration() {
        assertTrue(Permissions.grants(UserRole.MEMBER, BSD_CAN_SIGN_EMISSION));
        assertTrue(Permissions.grants(UserRole.MEMBER, REGISTRY_CAN_IMPORT));
        assertFalse(Permissions.grants(UserRole.MEMBER, COMPANY_CAN_MANAGE_MEMBERS));
        assertFalse(Permissions.grants(UserRole.MEMBER, COMPANY_CAN_RENEW_SECURITY_CODE));
        assertEquals(15, Permissions.of(UserRole.MEMBER).size());
    }

    @Test
    void readerOnlyReads() {
        assertEquals(EnumSet.of(BSD_CAN_READ, BSD_CAN_LIST, REGISTRY_CAN_READ, COMPANY_CAN_READ),
                Permissions.of(UserRole.READER));
    }

    @Test
    void driverSignsTransportButCannotReadRegisters() {
        assertEquals(EnumSet.of(BSD_CAN_READ, BSD_CAN_LIST, BSD_CAN_UPDATE, BSD_CAN_SIGN_TRANSPORT,
                BSD_CAN_SIGN_DELIVERY, COMPANY_CAN_READ), Permissions.of(UserRole.DRIVER));
        assertFalse(Permissions.grants(UserRole.DRIVER, REGISTRY_CAN_READ));
        assertFalse(Permissions.grants(null, BSD_CAN_READ));
    }
}
