package fr.wastetrace.company.members;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MemberApiTest {
    @Test
    void hidesAdministratorsAddressesFromRequesters() {
        assertEquals("j***@example.fr", MemberApi.mask("jeanne@example.fr"));
        assertEquals("***@example.fr", MemberApi.mask("j@example.fr"));
    }
}
