package fr.wastetrace.events.company;

/** A user's role in a company (the contract's {@code UserRole}). */
public enum UserRole {
    ADMIN, MEMBER, READER, DRIVER
}
