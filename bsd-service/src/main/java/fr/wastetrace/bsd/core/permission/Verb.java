package fr.wastetrace.bsd.core.permission;

import fr.wastetrace.events.company.UserPermission;

/**
 * What a caller asks to do with an existing BSD, and the permission its role must grant on one of the companies the
 * type allows for it ({@code BsdType#orgIdsAllowedTo}). Signatures are checked by {@code core.signature.Signatures}.
 */
public enum Verb {
    UPDATE(UserPermission.BSD_CAN_UPDATE),
    DELETE(UserPermission.BSD_CAN_DELETE),
    DUPLICATE(UserPermission.BSD_CAN_CREATE);

    private final UserPermission permission;

    Verb(UserPermission permission) {
        this.permission = permission;
    }

    public UserPermission permission() {
        return permission;
    }
}
