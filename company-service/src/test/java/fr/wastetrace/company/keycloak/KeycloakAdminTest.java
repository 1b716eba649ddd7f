package fr.wastetrace.company.keycloak;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class KeycloakAdminTest {
    @Test
    void splitsTheDisplayNameIntoTheTwoNamesKeycloakRequires() {
        assertArrayEquals(new String[]{"Jeanne", "de La Tour"}, KeycloakAdmin.splitName("  Jeanne de La Tour "));
        assertArrayEquals(new String[]{"Cher", "Cher"}, KeycloakAdmin.splitName("Cher"));
    }
}
